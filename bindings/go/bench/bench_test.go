// Package bench measures golang-jwt, the usual Go JWT library, on the work the binding's own
// benchmarks (bindings/go/bench_test.go) do: minting a Zoom API token and verifying it into
// its claims. run.sh runs both sets side by side and prints the median ns/op of several runs.
package bench

import (
	"testing"
	"time"

	jwtmint "example.invalid/jwtmint/bindings/go"
	"github.com/golang-jwt/jwt/v4"
)

// The same secret and API key as the binding's benchmarks.
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

func BenchmarkMint_golangjwt(b *testing.B) {
	key := []byte(secret)
	t := time.Now().Unix()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		token := jwt.NewWithClaims(jwt.SigningMethodHS256, zoomClaims{apiKey, t - 30, t + 3570})
		if _, err := token.SignedString(key); err != nil {
			b.Fatal(err)
		}
	}
}

// withKey runs use with the binding's key of the secret, failing on any error.
func withKey(tb testing.TB, use func(key *jwtmint.Key) error) {
	key, err := jwtmint.NewKey([]byte(secret))
	if err == nil {
		defer key.Close()
		err = use(key)
	}
	if err != nil {
		tb.Fatal(err)
	}
}

// jwtmintToken is the binding's Zoom API token at t.
func jwtmintToken(tb testing.TB, t int64) (token string) {
	withKey(tb, func(key *jwtmint.Key) (err error) {
		token, err = jwtmint.MintAPITokenAt(key, apiKey, t)
		return err
	})
	return token
}

// issuerClaims are golang-jwt's claims types that can check iss.
type issuerClaims interface {
	jwt.Claims
	VerifyIssuer(string, bool) bool
}

// parse verifies the binding's token of now with golang-jwt into the claims fresh makes
// (golang-jwt checks exp, iat and nbf against the clock), and checks its issuer.
func parse(b *testing.B, fresh func() issuerClaims) {
	token := jwtmintToken(b, time.Now().Unix())
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	keyFunc := func(*jwt.Token) (interface{}, error) { return []byte(secret), nil }
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := fresh()
		if _, err := parser.ParseWithClaims(token, c, keyFunc); err != nil || !c.VerifyIssuer(apiKey, true) {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify_golangjwt_struct(b *testing.B) {
	parse(b, func() issuerClaims { return &jwt.RegisteredClaims{} })
}

func BenchmarkVerify_golangjwt_MapClaims(b *testing.B) {
	parse(b, func() issuerClaims { return jwt.MapClaims{} })
}

// The tokens agree: golang-jwt's token for the same claims is byte-identical to the binding's,
// and each library accepts the other's.
func TestSameTokens(t *testing.T) {
	const at = 1700000000
	mine := jwtmintToken(t, at)
	theirs, err := jwt.NewWithClaims(jwt.SigningMethodHS256, zoomClaims{apiKey, at - 30, at + 3570}).SignedString([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	if mine != theirs {
		t.Fatalf("jwtmint %q\ngolang-jwt %q", mine, theirs)
	}
	withKey(t, func(key *jwtmint.Key) error {
		verifier, err := jwtmint.NewZoomAPIVerifier(key, apiKey)
		if err != nil {
			return err
		}
		defer verifier.Close()
		_, err = verifier.VerifyAt(theirs, at)
		return err
	})
	c := jwt.MapClaims{}
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())
	if _, err := parser.ParseWithClaims(mine, c, func(*jwt.Token) (interface{}, error) { return []byte(secret), nil }); err != nil {
		t.Fatal(err)
	}
}
