package jwtmint_test

import (
	"errors"
	"fmt"
	"strconv"
	"testing"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

// Keys, minters and verifiers are shared between goroutines, as the C header allows; every
// token is compared with one computed independently (crypto/hmac). Run with -race too.
func TestGoroutinesShareKeyMinterVerifier(t *testing.T) {
	const goroutines, rounds, base = 8, 200, 1700000000
	key := mustKey(t, testSecret)
	minter := closing(jwtmint.NewAPITokenMinter(key, "shared-key"))(t)
	verifier := closing(jwtmint.NewZoomAPIVerifier(key, "shared-key"))(t)

	inGoroutines(t, goroutines, func(g int) error {
		for i := 0; i < rounds; i++ {
			now := int64(base + g*rounds + i)
			payload := `{"iss":"shared-key","iat":` + strconv.FormatInt(now-30, 10) +
				`,"exp":` + strconv.FormatInt(now+3570, 10) + `}`
			want := hs256([]byte(testSecret), []byte(payload))
			token, err := minter.MintAt(now)
			if err != nil || token != want {
				return fmt.Errorf("goroutine %d: MintAt(%d) = %q, %v; want %q", g, now, token, err, want)
			}
			got, err := verifier.VerifyRawAt(token, now)
			if err != nil || string(got) != payload {
				return fmt.Errorf("goroutine %d: VerifyRawAt = %q, %v", g, got, err)
			}
			generic, err := jwtmint.Mint(key, map[string]any{"g": g, "i": i, "exp": now})
			wantGeneric := hs256([]byte(testSecret), []byte(`{"exp":`+strconv.FormatInt(now, 10)+
				`,"g":`+strconv.Itoa(g)+`,"i":`+strconv.Itoa(i)+`}`))
			if err != nil || generic != wantGeneric {
				return fmt.Errorf("goroutine %d: Mint = %q, %v", g, generic, err)
			}
			// One character of the signature changed.
			tampered := []byte(token)
			if tampered[len(tampered)-10] == 'A' {
				tampered[len(tampered)-10] = 'B'
			} else {
				tampered[len(tampered)-10] = 'A'
			}
			if _, err := verifier.VerifyAt(string(tampered), now); !errors.Is(err, jwtmint.ErrInvalidSignature) {
				return fmt.Errorf("goroutine %d: tampered token: %v", g, err)
			}
		}
		return nil
	})
}

// Closing a handle while other goroutines still use it is a bug in the program, but it must
// not free the C object under a running call: every call either completes normally or
// returns ErrClosed, and after Close every call returns ErrClosed.
func TestCloseWhileInUse(t *testing.T) {
	const now = 1700000000
	key := mustKey(t, testSecret)
	minter := closing(jwtmint.NewAPITokenMinter(key, "k"))(t)
	verifier := closing(jwtmint.NewZoomAPIVerifier(key, "k"))(t)
	token, err := minter.MintAt(now)
	if err != nil {
		t.Fatal(err)
	}

	// Goroutines 0-7 mint and verify until their handle is closed; goroutine 8 closes both
	// once goroutine 0 has made 50 calls.
	started := make(chan struct{})
	inGoroutines(t, 9, func(g int) error {
		if g == 8 {
			<-started
			minter.Close()
			return verifier.Close()
		}
		for i := 0; ; i++ {
			if i == 50 && g == 0 {
				close(started)
			}
			var err error
			if g%2 == 0 {
				var got string
				got, err = minter.MintAt(now)
				if err == nil && got != token {
					return fmt.Errorf("MintAt = %q", got)
				}
			} else {
				_, err = verifier.VerifyAt(token, now)
			}
			if errors.Is(err, jwtmint.ErrClosed) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("goroutine %d: %v", g, err)
			}
		}
	})
	if _, err := minter.MintAt(now); !errors.Is(err, jwtmint.ErrClosed) {
		t.Errorf("MintAt after Close: %v", err)
	}
	if err := verifier.CheckAt(token, now); !errors.Is(err, jwtmint.ErrClosed) {
		t.Errorf("CheckAt after Close: %v", err)
	}
}

// A closed or nil handle is ErrClosed everywhere, never a crash.
func TestClosedAndNilHandles(t *testing.T) {
	const now = 1700000000
	key := closing(jwtmint.NewKey([]byte(testSecret)))(t)
	verifier := closing(jwtmint.NewVerifier(key))(t)
	token, err := jwtmint.Mint(key, map[string]any{"exp": now + 10})
	if err != nil {
		t.Fatal(err)
	}
	key.Close()
	// Made before the key was closed: still usable.
	if err := verifier.CheckAt(token, now); err != nil {
		t.Fatalf("verifier after its key was closed: %v", err)
	}
	verifier.Close()

	closedOrNil := []struct {
		name     string
		key      *jwtmint.Key
		minter   *jwtmint.APITokenMinter
		verifier *jwtmint.Verifier
	}{
		{"closed", key, closedMinter(t), verifier},
		{"nil", nil, nil, nil},
	}
	for _, h := range closedOrNil {
		check := func(what string, err error) {
			t.Helper()
			if !errors.Is(err, jwtmint.ErrClosed) {
				t.Errorf("%s %s: %v, want ErrClosed", h.name, what, err)
			}
		}
		_, err := jwtmint.NewAPITokenMinter(h.key, "k")
		check("NewAPITokenMinter", err)
		_, err = jwtmint.NewVerifier(h.key)
		check("NewVerifier", err)
		_, err = jwtmint.NewZoomAPIVerifier(h.key, "k")
		check("NewZoomAPIVerifier", err)
		_, err = jwtmint.Mint(h.key, map[string]any{"exp": 1})
		check("Mint", err)
		_, err = jwtmint.MintJSON(h.key, []byte(`{"exp":1}`))
		check("MintJSON", err)
		_, err = jwtmint.MintAPITokenAt(h.key, "k", now)
		check("MintAPITokenAt", err)
		_, err = h.minter.MintAt(now)
		check("MintAt", err)
		_, err = h.minter.Mint()
		check("Mint", err)
		_, err = h.verifier.VerifyAt(token, now)
		check("VerifyAt", err)
		_, err = h.verifier.Verify(token)
		check("Verify", err)
		_, err = h.verifier.VerifyRawAt(token, now)
		check("VerifyRawAt", err)
		check("CheckAt", h.verifier.CheckAt(token, now))
		check("VerifyIntoAt", h.verifier.VerifyIntoAt(token, now, &map[string]any{}))
		if h.key.Close() != nil || h.minter.Close() != nil || h.verifier.Close() != nil {
			t.Errorf("%s: Close returned an error", h.name)
		}
	}
}

// The Zoom extras' handles, shared the same way.
func TestGoroutinesShareZoomHandles(t *testing.T) {
	const now = 1700000000
	key := mustKey(t, testSecret)
	webhook := closing(jwtmint.NewWebhook(webhookSecret))(t)
	verifier := closing(jwtmint.NewVideoSDKVerifier(key, "sdk-key"))(t)

	inGoroutines(t, 8, func(g int) error {
		for i := 0; i < 100; i++ {
			body := `{"event":"e","n":` + strconv.Itoa(g*100+i) + `}`
			sig, err := webhook.Sign(now, []byte(body))
			if err != nil || sig != zoomSignature("1700000000", body) {
				return fmt.Errorf("Sign = %q, %v", sig, err)
			}
			if _, err := webhook.VerifyAt("1700000000", []byte(body), sig, now); err != nil {
				return err
			}
			session := "s-" + strconv.Itoa(g) + "-" + strconv.Itoa(i)
			token, err := jwtmint.MintVideoSDKTokenAt(key, "sdk-key", session, jwtmint.RoleHost, now)
			if err != nil {
				return err
			}
			claims, err := verifier.VerifyAt(token, now)
			if err != nil || claims.SessionName != session {
				return fmt.Errorf("VerifyAt: %+v, %v", claims, err)
			}
		}
		return nil
	})
}

func closedMinter(t *testing.T) *jwtmint.APITokenMinter {
	m := closing(jwtmint.NewAPITokenMinter(mustKey(t, testSecret), "k"))(t)
	m.Close()
	return m
}
