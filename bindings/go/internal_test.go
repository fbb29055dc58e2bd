package jwtmint

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Every code the library has a name for has its sentinel here, with that name, under the Go
// identifier the name spells (expired: ErrExpired); a code added to the library without a
// sentinel fails this test.
func TestEverySentinel(t *testing.T) {
	sentinels := map[string]*Error{
		"ErrEmptySecret": ErrEmptySecret, "ErrWeakSecret": ErrWeakSecret,
		"ErrInvalidSecretEncoding": ErrInvalidSecretEncoding, "ErrInvalidArgument": ErrInvalidArgument,
		"ErrTimeOverflow": ErrTimeOverflow, "ErrClock": ErrClock,
		"ErrClaimsNotAnObject": ErrClaimsNotAnObject, "ErrSerialize": ErrSerialize,
		"ErrBufferTooSmall": ErrBufferTooSmall, "ErrTooLong": ErrTooLong,
		"ErrSegmentCount": ErrSegmentCount, "ErrEmptySegment": ErrEmptySegment,
		"ErrInvalidBase64": ErrInvalidBase64, "ErrInvalidJSON": ErrInvalidJSON,
		"ErrNotAnObject": ErrNotAnObject, "ErrDuplicateMember": ErrDuplicateMember,
		"ErrMissingAlgorithm": ErrMissingAlgorithm, "ErrUnsupportedAlgorithm": ErrUnsupportedAlgorithm,
		"ErrUnsupportedType": ErrUnsupportedType, "ErrCriticalHeader": ErrCriticalHeader,
		"ErrUnsupportedHeader": ErrUnsupportedHeader, "ErrInvalidSignature": ErrInvalidSignature,
		"ErrExpired": ErrExpired, "ErrNotYetValid": ErrNotYetValid,
		"ErrIssuedInFuture": ErrIssuedInFuture, "ErrMissingClaim": ErrMissingClaim,
		"ErrMalformedClaim": ErrMalformedClaim, "ErrIssuerMismatch": ErrIssuerMismatch,
		"ErrAudienceMismatch": ErrAudienceMismatch, "ErrClaimsType": ErrClaimsType,
		"ErrEmptyField": ErrEmptyField, "ErrFieldTooLong": ErrFieldTooLong,
		"ErrUnknownGeoRegion": ErrUnknownGeoRegion, "ErrDuplicateGeoRegion": ErrDuplicateGeoRegion,
		"ErrLifetimeOutOfRange": ErrLifetimeOutOfRange, "ErrAppKeyMismatch": ErrAppKeyMismatch,
		"ErrInvalidVideoSDKClaim":           ErrInvalidVideoSDKClaim,
		"ErrWebhookTimestampMalformed":      ErrWebhookTimestampMalformed,
		"ErrWebhookTimestampOutOfTolerance": ErrWebhookTimestampOutOfTolerance,
		"ErrWebhookSignaturePrefix":         ErrWebhookSignaturePrefix,
		"ErrWebhookSignatureLength":         ErrWebhookSignatureLength,
		"ErrWebhookSignatureEncoding":       ErrWebhookSignatureEncoding,
		"ErrWebhookSignatureMismatch":       ErrWebhookSignatureMismatch,
		"ErrWebhookBodyMalformed":           ErrWebhookBodyMalformed,
		"ErrUnexpectedWebhookEvent":         ErrUnexpectedWebhookEvent,
		"ErrInvalidPlainToken":              ErrInvalidPlainToken,
		"ErrInvalidMeetingSDKClaim":         ErrInvalidMeetingSDKClaim,
		"ErrMeetingSDKLifetimeOutOfRange":   ErrMeetingSDKLifetimeOutOfRange,
		"ErrSDKKeyMismatch":                 ErrSDKKeyMismatch,
		"ErrNullPointer":                    ErrNullPointer, "ErrInvalidUTF8": ErrInvalidUTF8,
		"ErrPanic": ErrPanic,
	}
	byCode := map[int]string{}
	for ident, e := range sentinels {
		spelled := strings.ToLower(strings.TrimPrefix(ident, "Err"))
		if strings.ReplaceAll(e.Name, "_", "") != spelled {
			t.Errorf("%s is code %d %q", ident, e.Code, e.Name)
		}
		if other, dup := byCode[e.Code]; dup {
			t.Errorf("%s and %s share code %d", ident, other, e.Code)
		}
		byCode[e.Code] = ident
	}
	named := 0
	for code := 1; code < 1000; code++ {
		e := errorForCode(code)
		if e.Name == "unknown" {
			continue
		}
		named++
		if _, ok := byCode[code]; !ok {
			t.Errorf("the library names code %d %q; the package has no sentinel for it", code, e.Name)
		}
	}
	if named != len(sentinels) {
		t.Errorf("the library names %d codes, the package has %d sentinels", named, len(sentinels))
	}
	if e := errorForCode(0); e.Name != "ok" && e.Name != "unknown" {
		t.Errorf("code 0 is %q", e.Name)
	}
}

// The buffer-too-small path: a first buffer that is too small is followed by one of the size
// the library asks for, with the same result as a large enough first buffer.
func TestBufferRetry(t *testing.T) {
	key := succeeded(NewKey([]byte("my-zoom-api-secret-of-36-characters!")))(t)
	defer key.Close()
	payload := []byte(`{"iss":"k","exp":2000000000}`)
	want := succeeded(MintJSON(key, payload))(t)
	for _, guess := range []int{0, 1, len(want) - 1, len(want), len(want) + 1} {
		if got, err := mintJSON(key, payload, guess); err != nil || got != want {
			t.Fatalf("mintJSON guess %d: %q, %v; want %q", guess, got, err, want)
		}
	}
	wantAPI := succeeded(MintAPITokenAt(key, "k\x01\x02", 1700000000))(t)
	for _, guess := range []int{0, 10, len(wantAPI) - 1} {
		if got, err := mintAPITokenAt(key, "k\x01\x02", 1700000000, nil, guess); err != nil || got != wantAPI {
			t.Fatalf("mintAPITokenAt guess %d: %q, %v; want %q", guess, got, err, wantAPI)
		}
	}
	v := succeeded(NewVerifier(key, WithRequiredClaims()))(t)
	defer v.Close()
	for _, guess := range []int{0, 5, len(payload)} {
		got, err := v.verifyRawAt(want, 1700000000, guess)
		if err != nil || string(got) != string(payload) {
			t.Fatalf("verifyRawAt guess %d: %q, %v", guess, got, err)
		}
	}
	// A rejected token is an error whatever the buffer: BUFFER_TOO_SMALL is only for valid ones.
	if _, err := v.verifyRawAt(want+"x", 1700000000, 0); !errors.Is(err, ErrInvalidSignature) {
		t.Fatalf("tampered token with an empty buffer: %v", err)
	}
}

// succeeded fails the test unless err is nil, and returns v: succeeded(NewKey(secret))(t).
func succeeded[T any](v T, err error) func(*testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// settle runs the collector until the finalizers of unreachable handles have run.
func settle() {
	for i := 0; i < 5; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
}

// Close frees each C object exactly once, and the finalizer frees the ones never closed.
func TestHandlesAreFreedOnce(t *testing.T) {
	settle()
	base := liveHandles.Load()

	const secret = "my-zoom-api-secret-of-36-characters!"
	key := succeeded(NewKey([]byte(secret)))(t)
	minter := succeeded(NewAPITokenMinter(key, "k"))(t)
	verifier := succeeded(NewZoomAPIVerifier(key, "k"))(t)
	if got := liveHandles.Load() - base; got != 3 {
		t.Fatalf("%d live handles after making 3", got)
	}
	// The minter and verifier keep their own reference to the key material.
	key.Close()
	key.Close()
	if got := liveHandles.Load() - base; got != 2 {
		t.Fatalf("%d live handles after closing the key twice", got)
	}
	token := succeeded(minter.MintAt(1700000000))(t)
	succeeded(verifier.VerifyAt(token, 1700000000))(t)
	minter.Close()
	verifier.Close()
	verifier.Close()
	if got := liveHandles.Load() - base; got != 0 {
		t.Fatalf("%d live handles after closing all", got)
	}

	// Handles that are never closed: the finalizers free them all.
	for i := 0; i < 100; i++ {
		k := succeeded(NewKey([]byte(secret)))(t)
		succeeded(NewAPITokenCache(succeeded(NewAPITokenMinter(k, "k"))(t)))(t)
		succeeded(NewVerifier(k))(t)
		succeeded(NewVideoSDKVerifier(k, "sdk"))(t)
		succeeded(NewWebhook("webhook-secret"))(t)
	}
	if got := liveHandles.Load() - base; got < 100 {
		t.Fatalf("only %d live handles right after making 600", got)
	}
	deadline := time.Now().Add(10 * time.Second)
	for liveHandles.Load() > base && time.Now().Before(deadline) {
		settle()
	}
	if got := liveHandles.Load() - base; got > 0 {
		t.Fatalf("%d handles were never finalized", got)
	}
}

// The library linked is the one the header describes, and of the workspace's version.
func TestVersions(t *testing.T) {
	if ABIVersion() != HeaderABIVersion || HeaderABIVersion != 2 {
		t.Fatalf("library ABI %d, header ABI %d; the package is written for ABI 2", ABIVersion(), HeaderABIVersion)
	}
	manifest, err := os.ReadFile(filepath.Join("..", "..", "Cargo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `version = "` + Version() + `"`; Version() == "" || !strings.Contains(string(manifest), want) {
		t.Fatalf("Version() = %q; Cargo.toml has no %s", Version(), want)
	}
	if ModuleVersion != Version() {
		t.Fatalf("ModuleVersion %q, linked libjwtmint %q", ModuleVersion, Version())
	}
}
