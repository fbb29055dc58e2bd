package jwtmint_test

import (
	"testing"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

// go test -run '^$' -bench . -benchmem
// bench/ runs golang-jwt on the same work, and bench/run.sh both side by side.

const (
	benchNow    = 1700000000
	benchAPIKey = "abcdefghijklmnopqrstuv"
)

// benchLoop runs op b.N times, timing only that, and fails on its first error.
func benchLoop(b *testing.B, op func() error) {
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := op(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchParallel is benchLoop on GOMAXPROCS goroutines sharing one handle.
func benchParallel(b *testing.B, op func() error) {
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := op(); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func benchMinter(b *testing.B) *jwtmint.APITokenMinter {
	minter, err := jwtmint.NewAPITokenMinter(mustKey(b, testSecret), benchAPIKey)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { minter.Close() })
	return minter
}

// benchVerifier is a Zoom API token and the verifier for it.
func benchVerifier(b *testing.B) (string, *jwtmint.Verifier) {
	key := mustKey(b, testSecret)
	token, err := jwtmint.MintAPITokenAt(key, benchAPIKey, benchNow)
	if err != nil {
		b.Fatal(err)
	}
	verifier, err := jwtmint.NewZoomAPIVerifier(key, benchAPIKey)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { verifier.Close() })
	return token, verifier
}

// The Zoom API token's claims, in the order Zoom's sample writes them.
type benchClaims struct {
	Iss string `json:"iss"`
	Iat int64  `json:"iat"`
	Exp int64  `json:"exp"`
}

func BenchmarkAPITokenMinter_MintAt(b *testing.B) {
	minter := benchMinter(b)
	benchLoop(b, func() error { _, err := minter.MintAt(benchNow); return err })
}

func BenchmarkAPITokenMinter_MintAtParallel(b *testing.B) {
	minter := benchMinter(b)
	benchParallel(b, func() error { _, err := minter.MintAt(benchNow); return err })
}

func BenchmarkMintAPITokenAt(b *testing.B) {
	key := mustKey(b, testSecret)
	benchLoop(b, func() error { _, err := jwtmint.MintAPITokenAt(key, benchAPIKey, benchNow); return err })
}

func BenchmarkMint(b *testing.B) {
	key := mustKey(b, testSecret)
	claims := benchClaims{benchAPIKey, benchNow - 30, benchNow + 3570}
	benchLoop(b, func() error { _, err := jwtmint.Mint(key, claims); return err })
}

func BenchmarkVerifier_CheckAt(b *testing.B) {
	token, verifier := benchVerifier(b)
	benchLoop(b, func() error { return verifier.CheckAt(token, benchNow) })
}

func BenchmarkVerifier_VerifyIntoAt(b *testing.B) {
	token, verifier := benchVerifier(b)
	benchLoop(b, func() error {
		var claims benchClaims
		return verifier.VerifyIntoAt(token, benchNow, &claims)
	})
}

func BenchmarkVerifier_VerifyAt(b *testing.B) {
	token, verifier := benchVerifier(b)
	benchLoop(b, func() error { _, err := verifier.VerifyAt(token, benchNow); return err })
}

func BenchmarkVerifier_VerifyAtParallel(b *testing.B) {
	token, verifier := benchVerifier(b)
	benchParallel(b, func() error { _, err := verifier.VerifyAt(token, benchNow); return err })
}

func BenchmarkAPITokenCache_TokenAt(b *testing.B) {
	cache, err := jwtmint.NewAPITokenCache(benchMinter(b))
	if err != nil {
		b.Fatal(err)
	}
	defer cache.Close()
	benchLoop(b, func() error { _, err := cache.TokenAt(benchNow); return err })
}
