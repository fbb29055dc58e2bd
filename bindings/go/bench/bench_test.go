// Package bench measures the Go binding side by side with golang-jwt, the usual Go JWT
// library, on the same work: minting a Zoom API token and verifying it into its claims.
// run.sh runs it and prints the median ns/op of several runs.
package bench

import (
	"testing"
	"time"

	jwtmint "example.invalid/jwtmint/bindings/go"
	"github.com/golang-jwt/jwt/v4"
)

const (
	secret = "my-zoom-api-secret-of-36-characters!"
	apiKey = "abcdefghijklmnopqrstuv"
)

// The Zoom API token's claims, in the order Zoom's sample writes them.
type zoomClaims struct {
	Iss string `json:"iss"`
	Iat int64  `json:"iat"`
	Exp int64  `json:"exp"`
}

// Valid makes zoomClaims a jwt.Claims, so that golang-jwt can sign it (in this field order,
// as Zoom's sample does). Verification with golang-jwt uses its own RegisteredClaims and
// MapClaims, which check exp, iat and nbf.
func (c zoomClaims) Valid() error { return nil }

func now() int64 { return time.Now().Unix() }

func BenchmarkMint_jwtmint_APITokenMinter(b *testing.B) {
	key, err := jwtmint.NewKey([]byte(secret))
	if err != nil {
		b.Fatal(err)
	}
	defer key.Close()
	minter, err := jwtmint.NewAPITokenMinter(key, apiKey)
	if err != nil {
		b.Fatal(err)
	}
	defer minter.Close()
	t := now()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := minter.MintAt(t); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMint_jwtmint_Mint(b *testing.B) {
	key, err := jwtmint.NewKey([]byte(secret))
	if err != nil {
		b.Fatal(err)
	}
	defer key.Close()
	t := now()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := jwtmint.Mint(key, zoomClaims{apiKey, t - 30, t + 3570}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMint_golangjwt(b *testing.B) {
	key := []byte(secret)
	t := now()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		token := jwt.NewWithClaims(jwt.SigningMethodHS256, zoomClaims{apiKey, t - 30, t + 3570})
		if _, err := token.SignedString(key); err != nil {
			b.Fatal(err)
		}
	}
}

func zoomToken(b *testing.B) (string, int64) {
	key, err := jwtmint.NewKey([]byte(secret))
	if err != nil {
		b.Fatal(err)
	}
	defer key.Close()
	t := now()
	token, err := jwtmint.MintAPITokenAt(key, apiKey, t)
	if err != nil {
		b.Fatal(err)
	}
	return token, t
}

func BenchmarkVerify_jwtmint_VerifyInto(b *testing.B) {
	token, t := zoomToken(b)
	key, err := jwtmint.NewKey([]byte(secret))
	if err != nil {
		b.Fatal(err)
	}
	defer key.Close()
	verifier, err := jwtmint.NewZoomAPIVerifier(key, apiKey)
	if err != nil {
		b.Fatal(err)
	}
	defer verifier.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var c zoomClaims
		if err := verifier.VerifyIntoAt(token, t, &c); err != nil || c.Iss != apiKey {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify_jwtmint_CheckAt(b *testing.B) {
	token, t := zoomToken(b)
	key, err := jwtmint.NewKey([]byte(secret))
	if err != nil {
		b.Fatal(err)
	}
	defer key.Close()
	verifier, err := jwtmint.NewZoomAPIVerifier(key, apiKey)
	if err != nil {
		b.Fatal(err)
	}
	defer verifier.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := verifier.CheckAt(token, t); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify_jwtmint_Verify(b *testing.B) {
	token, t := zoomToken(b)
	key, err := jwtmint.NewKey([]byte(secret))
	if err != nil {
		b.Fatal(err)
	}
	defer key.Close()
	verifier, err := jwtmint.NewZoomAPIVerifier(key, apiKey)
	if err != nil {
		b.Fatal(err)
	}
	defer verifier.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if c, err := verifier.VerifyAt(token, t); err != nil || c["iss"] != apiKey {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify_golangjwt_struct(b *testing.B) {
	token, _ := zoomToken(b)
	key := []byte(secret)
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	keyFunc := func(*jwt.Token) (interface{}, error) { return key, nil }
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var c jwt.RegisteredClaims
		if _, err := parser.ParseWithClaims(token, &c, keyFunc); err != nil || !c.VerifyIssuer(apiKey, true) {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify_golangjwt_MapClaims(b *testing.B) {
	token, _ := zoomToken(b)
	key := []byte(secret)
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	keyFunc := func(*jwt.Token) (interface{}, error) { return key, nil }
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := jwt.MapClaims{}
		if _, err := parser.ParseWithClaims(token, c, keyFunc); err != nil || !c.VerifyIssuer(apiKey, true) {
			b.Fatal(err)
		}
	}
}

// The tokens agree: golang-jwt's token for the same claims is byte-identical to the binding's,
// and each library accepts the other's.
func TestSameTokens(t *testing.T) {
	key, err := jwtmint.NewKey([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	defer key.Close()
	const at = 1700000000
	mine, err := jwtmint.MintAPITokenAt(key, apiKey, at)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := jwt.NewWithClaims(jwt.SigningMethodHS256, zoomClaims{apiKey, at - 30, at + 3570}).SignedString([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	if mine != theirs {
		t.Fatalf("jwtmint %q\ngolang-jwt %q", mine, theirs)
	}
	verifier, err := jwtmint.NewZoomAPIVerifier(key, apiKey)
	if err != nil {
		t.Fatal(err)
	}
	defer verifier.Close()
	if _, err := verifier.VerifyAt(theirs, at); err != nil {
		t.Fatal(err)
	}
	c := jwt.MapClaims{}
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())
	if _, err := parser.ParseWithClaims(mine, c, func(*jwt.Token) (interface{}, error) { return []byte(secret), nil }); err != nil {
		t.Fatal(err)
	}
}
