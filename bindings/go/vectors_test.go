package jwtmint_test

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

// The shared vectors (tests/vectors/*.json) were computed with Python's standard library
// (tests/vectors/generate.py); every binding must produce the same tokens byte for byte.

type zoomVector struct {
	Name           string `json:"name"`
	APIKey         string `json:"api_key"`
	Secret         string `json:"secret"`
	SecretEncoding string `json:"secret_encoding"`
	Now            int64  `json:"now"`
	Skew           int64  `json:"skew"`
	TTL            int64  `json:"ttl"`
	Iat            int64  `json:"iat"`
	Exp            int64  `json:"exp"`
	PayloadJSON    string `json:"payload_json"`
	Token          string `json:"token"`
}

type claimsVector struct {
	Name           string `json:"name"`
	Secret         string `json:"secret"`
	SecretEncoding string `json:"secret_encoding"`
	PayloadJSON    string `json:"payload_json"`
	Token          string `json:"token"`
}

func vectorKey(t *testing.T, secret, encoding string) *jwtmint.Key {
	t.Helper()
	enc, err := jwtmint.ParseEncoding(encoding)
	if err != nil {
		t.Fatal(err)
	}
	key, err := jwtmint.NewKeyFromEncoded(secret, enc)
	if err != nil {
		t.Fatalf("NewKeyFromEncoded(%s): %v", encoding, err)
	}
	t.Cleanup(func() { key.Close() })
	return key
}

func TestZoomAPIVectors(t *testing.T) {
	var doc struct{ Cases []zoomVector }
	readJSON(t, repoPath("tests", "vectors", "zoom_api.json"), &doc)
	if len(doc.Cases) < 10 {
		t.Fatalf("only %d cases in zoom_api.json", len(doc.Cases))
	}
	for _, c := range doc.Cases {
		c := c
		t.Run(c.Name, func(t *testing.T) {
			key := vectorKey(t, c.Secret, c.SecretEncoding)
			opts := []jwtmint.MinterOption{
				jwtmint.WithSkew(time.Duration(c.Skew) * time.Second),
				jwtmint.WithTTL(time.Duration(c.TTL) * time.Second),
			}
			minter, err := jwtmint.NewAPITokenMinter(key, c.APIKey, opts...)
			if err != nil {
				t.Fatal(err)
			}
			defer minter.Close()
			token, err := minter.MintAt(c.Now)
			if err != nil || token != c.Token {
				t.Fatalf("minter: %q, %v; want %q", token, err, c.Token)
			}
			oneShot, err := jwtmint.MintAPITokenAt(key, c.APIKey, c.Now, opts...)
			if err != nil || oneShot != c.Token {
				t.Fatalf("MintAPITokenAt: %q, %v; want %q", oneShot, err, c.Token)
			}
			// The same payload through the generic path signs to the same token.
			generic, err := jwtmint.MintJSON(key, []byte(c.PayloadJSON))
			if err != nil || generic != c.Token {
				t.Fatalf("MintJSON: %q, %v; want %q", generic, err, c.Token)
			}

			verifier, err := jwtmint.NewZoomAPIVerifier(key, c.APIKey)
			if err != nil {
				t.Fatal(err)
			}
			defer verifier.Close()
			payload, err := verifier.VerifyRawAt(c.Token, c.Now)
			if err != nil || string(payload) != c.PayloadJSON {
				t.Fatalf("VerifyRawAt: %q, %v; want %q", payload, err, c.PayloadJSON)
			}
			claims, err := verifier.VerifyAt(c.Token, c.Now)
			if err != nil {
				t.Fatal(err)
			}
			if claims["iss"] != c.APIKey || claims["iat"] != json.Number(itoa(c.Iat)) ||
				claims["exp"] != json.Number(itoa(c.Exp)) || len(claims) != 3 {
				t.Fatalf("claims %v; want iss %q iat %d exp %d", claims, c.APIKey, c.Iat, c.Exp)
			}
			var typed struct {
				Iss      string `json:"iss"`
				Iat, Exp int64
			}
			if err := verifier.VerifyIntoAt(c.Token, c.Now, &typed); err != nil {
				t.Fatal(err)
			}
			if typed.Iss != c.APIKey || typed.Iat != c.Iat || typed.Exp != c.Exp {
				t.Fatalf("VerifyIntoAt: %+v", typed)
			}
		})
	}
}

// The Go values for tests/vectors/claims.json, written by hand: encoding/json must turn each
// into exactly the vector's payload_json (struct fields keep their order; maps are sorted).
var claimsValues = map[string]any{
	"zoom_order": struct {
		Iss string `json:"iss"`
		Iat int64  `json:"iat"`
		Exp int64  `json:"exp"`
	}{"abc", 1700000000, 1700003600},
	"nested": struct {
		Sub   string   `json:"sub"`
		Exp   int64    `json:"exp"`
		Roles []string `json:"roles"`
		Meta  struct {
			X int   `json:"x"`
			Y []any `json:"y"`
		} `json:"meta"`
	}{Sub: "user-1", Exp: 2000000000, Roles: []string{"a", "b"}, Meta: struct {
		X int   `json:"x"`
		Y []any `json:"y"`
	}{1, []any{true, nil}}},
	"unicode": struct {
		Name string `json:"name"`
		Exp  int64  `json:"exp"`
	}{"Zoë 🎥", 2000000000},
	"fractional_exp": map[string]any{"exp": 2000000000.5},
	"negative_iat": struct {
		Iat int64 `json:"iat"`
		Exp int64 `json:"exp"`
	}{-5, 2000000000},
	"empty": map[string]any{},
}

func TestClaimsVectors(t *testing.T) {
	var doc struct{ Cases []claimsVector }
	readJSON(t, repoPath("tests", "vectors", "claims.json"), &doc)
	if len(doc.Cases) == 0 {
		t.Fatal("no cases in claims.json")
	}
	for _, c := range doc.Cases {
		c := c
		t.Run(c.Name, func(t *testing.T) {
			key := vectorKey(t, c.Secret, c.SecretEncoding)
			token, err := jwtmint.MintJSON(key, []byte(c.PayloadJSON))
			if err != nil || token != c.Token {
				t.Fatalf("MintJSON: %q, %v; want %q", token, err, c.Token)
			}
			value, ok := claimsValues[c.Name]
			if !ok {
				t.Fatalf("no Go value written for vector %q", c.Name)
			}
			token, err = jwtmint.Mint(key, value)
			if err != nil || token != c.Token {
				t.Fatalf("Mint: %q, %v; want %q", token, err, c.Token)
			}
			verifier, err := jwtmint.NewVerifier(key, jwtmint.WithRequiredClaims())
			if err != nil {
				t.Fatal(err)
			}
			defer verifier.Close()
			payload, err := verifier.VerifyRawAt(c.Token, 1700000000)
			if err != nil || string(payload) != c.PayloadJSON {
				t.Fatalf("VerifyRawAt: %q, %v", payload, err)
			}
		})
	}
}

// encoding/json escapes <, > and & by default (as \u003c...), and U+2028 and U+2029 always;
// Mint must not, or its tokens would differ from every other binding's for the same claims.
func TestMintDoesNotEscapeHTML(t *testing.T) {
	key := mustKey(t, testSecret)
	claims := map[string]any{"exp": 2000000000, "q": "<a&b>", "u": "\u2028\u2029", "v": `\u2028\\u2029`}
	want := `{"exp":2000000000,"q":"<a&b>","u":"` + "\u2028\u2029" + `","v":"\\u2028\\\\u2029"}`
	token, err := jwtmint.Mint(key, claims)
	if err != nil {
		t.Fatal(err)
	}
	if expected := hs256([]byte(testSecret), []byte(want)); token != expected {
		t.Fatalf("Mint = %q, want %q (payload %s)", token, expected, want)
	}
	// json.RawMessage is signed as given (compacted by encoding/json).
	token, err = jwtmint.Mint(key, json.RawMessage(`{ "exp" : 2000000000 }`))
	if err != nil || token != hs256([]byte(testSecret), []byte(`{"exp":2000000000}`)) {
		t.Fatalf("Mint(RawMessage) = %q, %v", token, err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
