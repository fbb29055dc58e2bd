package jwtmint_test

import (
	"testing"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

// go test -run '^$' -bench . -benchmem
// bench/ holds the same measurements side by side with golang-jwt, in a module of its own.

const benchNow = 1700000000

func BenchmarkAPITokenMinter_MintAt(b *testing.B) {
	key := mustKey(b, testSecret)
	minter, err := jwtmint.NewAPITokenMinter(key, "abcdefghijklmnopqrstuv")
	if err != nil {
		b.Fatal(err)
	}
	defer minter.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := minter.MintAt(benchNow); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAPITokenMinter_MintAtParallel(b *testing.B) {
	key := mustKey(b, testSecret)
	minter, err := jwtmint.NewAPITokenMinter(key, "abcdefghijklmnopqrstuv")
	if err != nil {
		b.Fatal(err)
	}
	defer minter.Close()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := minter.MintAt(benchNow); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func BenchmarkMintAPITokenAt(b *testing.B) {
	key := mustKey(b, testSecret)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := jwtmint.MintAPITokenAt(key, "abcdefghijklmnopqrstuv", benchNow); err != nil {
			b.Fatal(err)
		}
	}
}

type benchClaims struct {
	Iss string `json:"iss"`
	Iat int64  `json:"iat"`
	Exp int64  `json:"exp"`
}

func BenchmarkMint(b *testing.B) {
	key := mustKey(b, testSecret)
	claims := benchClaims{"abcdefghijklmnopqrstuv", benchNow - 30, benchNow + 3570}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := jwtmint.Mint(key, claims); err != nil {
			b.Fatal(err)
		}
	}
}

func benchToken(b *testing.B, key *jwtmint.Key) (string, *jwtmint.Verifier) {
	token, err := jwtmint.MintAPITokenAt(key, "abcdefghijklmnopqrstuv", benchNow)
	if err != nil {
		b.Fatal(err)
	}
	verifier, err := jwtmint.NewZoomAPIVerifier(key, "abcdefghijklmnopqrstuv")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { verifier.Close() })
	return token, verifier
}

func BenchmarkVerifier_CheckAt(b *testing.B) {
	token, verifier := benchToken(b, mustKey(b, testSecret))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := verifier.CheckAt(token, benchNow); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifier_VerifyIntoAt(b *testing.B) {
	token, verifier := benchToken(b, mustKey(b, testSecret))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var claims benchClaims
		if err := verifier.VerifyIntoAt(token, benchNow, &claims); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifier_VerifyAt(b *testing.B) {
	token, verifier := benchToken(b, mustKey(b, testSecret))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := verifier.VerifyAt(token, benchNow); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifier_VerifyAtParallel(b *testing.B) {
	token, verifier := benchToken(b, mustKey(b, testSecret))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := verifier.VerifyAt(token, benchNow); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func BenchmarkAPITokenCache_TokenAt(b *testing.B) {
	key := mustKey(b, testSecret)
	minter, err := jwtmint.NewAPITokenMinter(key, "abcdefghijklmnopqrstuv")
	if err != nil {
		b.Fatal(err)
	}
	defer minter.Close()
	cache, err := jwtmint.NewAPITokenCache(minter)
	if err != nil {
		b.Fatal(err)
	}
	defer cache.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := cache.TokenAt(benchNow); err != nil {
			b.Fatal(err)
		}
	}
}
