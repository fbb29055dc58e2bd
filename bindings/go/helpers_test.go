package jwtmint_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

// repoPath is a path inside the repository this binding lives in (bindings/go is two levels
// down).
func repoPath(parts ...string) string {
	return filepath.Join(append([]string{"..", ".."}, parts...)...)
}

func readJSON(t testing.TB, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// hs256 is the token of payload under secret, computed with Go's standard library alone
// (crypto/hmac, encoding/base64): the independent expectation the binding's tokens are
// compared with.
func hs256(secret, payload []byte) string {
	signingInput := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) +
		"." + base64.RawURLEncoding.EncodeToString(payload)
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(signingInput))
	return signingInput + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func mustKey(t testing.TB, secret string) *jwtmint.Key {
	t.Helper()
	key, err := jwtmint.NewKey([]byte(secret))
	if err != nil {
		t.Fatalf("NewKey: %v", err)
	}
	t.Cleanup(func() { key.Close() })
	return key
}

// testSecret is a 36-byte secret used where the value does not matter.
const testSecret = "my-zoom-api-secret-of-36-characters!"

// inGoroutines runs work(0) ... work(n-1) on n goroutines at once, waits for them all and
// reports every error.
func inGoroutines(t *testing.T, n int, work func(g int) error) {
	t.Helper()
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for g := 0; g < n; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			errs <- work(g)
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// closing fails the test when a constructor failed, and otherwise closes the handle it made
// when the test ends: minter := closing(jwtmint.NewAPITokenMinter(key, "k"))(t).
func closing[H interface{ Close() error }](h H, err error) func(testing.TB) H {
	return func(t testing.TB) H {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { h.Close() })
		return h
	}
}
