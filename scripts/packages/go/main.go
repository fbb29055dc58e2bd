// Command check is built by check-go.sh in a fresh module that requires the jwtmint Go module
// (a replace directive to a copy of it) and links the C SDK through pkg-config. It mints the
// known token (known-token.sh) at a fixed time, compares it with the token Go's crypto/hmac
// computes, verifies it, and sees another secret refused.
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"time"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

func env(name string) string {
	v := os.Getenv(name)
	if v == "" {
		fail("%s is not set", name)
	}
	return v
}

func number(name string) int64 {
	n, err := strconv.ParseInt(env(name), 10, 64)
	if err != nil {
		fail("%s: %v", name, err)
	}
	return n
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "check: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	apiKey, secret, wrong := env("KNOWN_API_KEY"), env("KNOWN_SECRET"), env("KNOWN_WRONG_SECRET")
	now, skew, ttl := number("KNOWN_NOW"), number("KNOWN_SKEW"), number("KNOWN_TTL")

	// The expected token, by Go's standard library alone.
	b64 := base64.RawURLEncoding.EncodeToString
	iss, _ := json.Marshal(apiKey)
	iat := now - skew
	payload := fmt.Sprintf(`{"iss":%s,"iat":%d,"exp":%d}`, iss, iat, iat+ttl)
	input := b64([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + b64([]byte(payload))
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(input))
	expected := input + "." + b64(mac.Sum(nil))

	if want := env("EXPECTED_VERSION"); jwtmint.Version() != want || jwtmint.ModuleVersion != want {
		fail("library %q, module %q, expected %q", jwtmint.Version(), jwtmint.ModuleVersion, want)
	}
	key, err := jwtmint.NewKey([]byte(secret))
	if err != nil {
		fail("NewKey: %v", err)
	}
	defer key.Close()
	opts := []jwtmint.MinterOption{jwtmint.WithSkew(time.Duration(skew) * time.Second),
		jwtmint.WithTTL(time.Duration(ttl) * time.Second)}
	token, err := jwtmint.MintAPITokenAt(key, apiKey, now, opts...)
	if err != nil {
		fail("MintAPITokenAt: %v", err)
	}
	if token != expected {
		fail("minted %s, crypto/hmac computes %s", token, expected)
	}

	verifier, err := jwtmint.NewZoomAPIVerifier(key, apiKey)
	if err != nil {
		fail("NewZoomAPIVerifier: %v", err)
	}
	defer verifier.Close()
	raw, err := verifier.VerifyRawAt(token, now)
	if err != nil || string(raw) != payload {
		fail("VerifyRawAt: %q, %v; want %q", raw, err, payload)
	}
	claims, err := verifier.VerifyAt(token, now)
	want := map[string]any{"iss": apiKey, "iat": json.Number(strconv.FormatInt(iat, 10)),
		"exp": json.Number(strconv.FormatInt(iat+ttl, 10))}
	if err != nil || !reflect.DeepEqual(claims, want) {
		fail("VerifyAt: %v, %v; want %v", claims, err, want)
	}

	wrongKey, err := jwtmint.NewKey([]byte(wrong))
	if err != nil {
		fail("NewKey: %v", err)
	}
	defer wrongKey.Close()
	wrongVerifier, err := jwtmint.NewZoomAPIVerifier(wrongKey, apiKey)
	if err != nil {
		fail("NewZoomAPIVerifier: %v", err)
	}
	defer wrongVerifier.Close()
	if err := wrongVerifier.CheckAt(token, now); !errors.Is(err, jwtmint.ErrInvalidSignature) {
		fail("another secret: %v, not ErrInvalidSignature", err)
	}
	fmt.Printf("Go module %s with libjwtmint %s: the token crypto/hmac computes, verified, another secret refused\n",
		jwtmint.ModuleVersion, jwtmint.Version())
}
