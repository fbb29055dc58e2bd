package jwtmint_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

// wantErr fails unless err is the sentinel by errors.Is, and an *Error carrying its code and
// name by errors.As; and it must not be mistaken for an unrelated sentinel.
func wantErr(t *testing.T, what string, err error, sentinel *jwtmint.Error) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Fatalf("%s: got %v, want %s (%d)", what, err, sentinel.Name, sentinel.Code)
	}
	var e *jwtmint.Error
	if !errors.As(err, &e) || e.Code != sentinel.Code || e.Name != sentinel.Name || e.Message == "" {
		t.Fatalf("%s: errors.As gave %#v", what, e)
	}
	other := jwtmint.ErrPanic
	if sentinel == jwtmint.ErrPanic {
		other = jwtmint.ErrExpired
	}
	if errors.Is(err, other) || errors.Is(err, jwtmint.ErrClosed) {
		t.Fatalf("%s: %v also matches %s", what, err, other.Name)
	}
}

func TestErrorIdentity(t *testing.T) {
	// Codes and names are the library's stable ones, checked here against the numbers and
	// names the C header and the other bindings document.
	// Kinds follow the header's ranges: 1xx input, 2xx malformed, ..., 6xx Zoom, 9xx the C ABI.
	for _, c := range []struct {
		err  *jwtmint.Error
		code int
		name string
		kind jwtmint.Kind
	}{
		{jwtmint.ErrWeakSecret, 101, "weak_secret", jwtmint.KindInput},
		{jwtmint.ErrSegmentCount, 201, "segment_count", jwtmint.KindMalformed},
		{jwtmint.ErrUnsupportedAlgorithm, 301, "unsupported_algorithm", jwtmint.KindHeader},
		{jwtmint.ErrInvalidSignature, 400, "invalid_signature", jwtmint.KindSignature},
		{jwtmint.ErrExpired, 500, "expired", jwtmint.KindClaims},
		{jwtmint.ErrClaimsType, 507, "claims_type", jwtmint.KindClaims},
		{jwtmint.ErrAppKeyMismatch, 605, "app_key_mismatch", jwtmint.KindZoom},
		{jwtmint.ErrWebhookSignatureMismatch, 625, "webhook_signature_mismatch", jwtmint.KindZoom},
		{jwtmint.ErrInvalidUTF8, 901, "invalid_utf8", jwtmint.KindABI},
	} {
		if c.err.Code != c.code || c.err.Name != c.name || c.err.Kind() != c.kind || int(c.kind) != c.code/100 {
			t.Errorf("%v: code %d name %q kind %d, want %d %q %d", c.err, c.err.Code, c.err.Name, c.err.Kind(),
				c.code, c.name, c.kind)
		}
		var wrapped error = fmt.Errorf("wrapped: %w", c.err)
		if !errors.Is(wrapped, c.kind) || errors.Is(wrapped, jwtmint.Kind(c.kind+1)) {
			t.Errorf("%v: errors.Is by kind", c.err)
		}
	}
	msg := jwtmint.ErrExpired.Error()
	if !strings.HasPrefix(msg, "jwtmint: ") || !strings.HasSuffix(msg, " [code 500 expired]") {
		t.Errorf("Error() = %q", msg)
	}
	var nilErr *jwtmint.Error
	if jwtmint.ErrExpired.Is(nilErr) || errors.Is(jwtmint.ErrExpired, errors.New("expired")) {
		t.Error("Is matched a nil *Error or a foreign error")
	}
}

func TestTokenErrors(t *testing.T) {
	const now = 1700000000
	key := mustKey(t, testSecret)
	otherKey := mustKey(t, "another-secret-of-exactly-36-bytes!!")
	verifier := closing(jwtmint.NewVerifier(key))(t)

	sign := func(payload string) string { return hs256([]byte(testSecret), []byte(payload)) }

	// Wrong secret: a well-formed token signed under another key.
	forged, err := jwtmint.Mint(otherKey, map[string]any{"exp": now + 60})
	if err != nil {
		t.Fatal(err)
	}
	_, err = verifier.VerifyAt(forged, now)
	wantErr(t, "wrong secret", err, jwtmint.ErrInvalidSignature)
	if strings.Contains(err.Error(), testSecret) {
		t.Fatal("the error shows the secret")
	}

	// Expired: exp in the past by more than the leeway (60 s by default).
	expired := sign(`{"exp":1699999900}`)
	_, err = verifier.VerifyAt(expired, now)
	wantErr(t, "expired", err, jwtmint.ErrExpired)
	if _, err := verifier.VerifyAt(expired, 1699999900+59); err != nil {
		t.Fatalf("within the leeway: %v", err)
	}
	lenient := closing(jwtmint.NewVerifier(key, jwtmint.WithLeeway(200*time.Second)))(t)
	if _, err := lenient.VerifyAt(expired, now); err != nil {
		t.Fatalf("leeway 200 s: %v", err)
	}

	for _, c := range []struct {
		what, token string
		want        *jwtmint.Error
	}{
		{"empty", "", jwtmint.ErrSegmentCount},
		{"one segment", "abc", jwtmint.ErrSegmentCount},
		{"four segments", expired + ".x", jwtmint.ErrSegmentCount},
		{"empty signature", strings.Join(strings.Split(expired, ".")[:2], ".") + ".", jwtmint.ErrEmptySegment},
		{"padding", expired + "=", jwtmint.ErrInvalidBase64},
		{"NUL byte", expired[:10] + "\x00" + expired[11:], jwtmint.ErrInvalidBase64},
		{"not UTF-8", expired[:10] + "\xff" + expired[11:], jwtmint.ErrInvalidBase64},
		{"not yet valid", sign(`{"exp":1700009999,"nbf":1700000100}`), jwtmint.ErrNotYetValid},
		{"issued in the future", sign(`{"exp":1700009999,"iat":1700000100}`), jwtmint.ErrIssuedInFuture},
		{"missing exp", sign(`{"sub":"x"}`), jwtmint.ErrMissingClaim},
		{"exp a string", sign(`{"exp":"1700009999"}`), jwtmint.ErrMalformedClaim},
		{"unexpected aud", sign(`{"exp":1700009999,"aud":"svc"}`), jwtmint.ErrAudienceMismatch},
		{"duplicate exp", sign(`{"exp":1700009999,"exp":1}`), jwtmint.ErrDuplicateMember},
	} {
		_, err := verifier.VerifyAt(c.token, now)
		wantErr(t, c.what, err, c.want)
		wantErr(t, c.what+" (CheckAt)", verifier.CheckAt(c.token, now), c.want)
		var out map[string]any
		wantErr(t, c.what+" (VerifyIntoAt)", verifier.VerifyIntoAt(c.token, now, &out), c.want)
		if out != nil {
			t.Fatalf("%s: VerifyIntoAt wrote %v", c.what, out)
		}
	}

	// Issuer, audience, required claims and length limit.
	strict, err := jwtmint.NewVerifier(key, jwtmint.WithIssuer("me"), jwtmint.WithAudience("svc"),
		jwtmint.WithRequiredClaims("exp", "sub"), jwtmint.WithMaxLen(200))
	if err != nil {
		t.Fatal(err)
	}
	defer strict.Close()
	good := sign(`{"iss":"me","aud":["x","svc"],"sub":"u","exp":1700009999}`)
	if _, err := strict.VerifyAt(good, now); err != nil {
		t.Fatalf("strict verifier rejects %s: %v", good, err)
	}
	_, err = strict.VerifyAt(sign(`{"iss":"you","aud":"svc","sub":"u","exp":1700009999}`), now)
	wantErr(t, "issuer", err, jwtmint.ErrIssuerMismatch)
	_, err = strict.VerifyAt(sign(`{"iss":"me","aud":"other","sub":"u","exp":1700009999}`), now)
	wantErr(t, "audience", err, jwtmint.ErrAudienceMismatch)
	_, err = strict.VerifyAt(sign(`{"iss":"me","aud":"svc","exp":1700009999}`), now)
	wantErr(t, "required sub", err, jwtmint.ErrMissingClaim)
	_, err = strict.VerifyAt(sign(`{"iss":"me","aud":"svc","sub":"`+strings.Repeat("u", 200)+`","exp":1700009999}`), now)
	wantErr(t, "max length", err, jwtmint.ErrTooLong)

	// Claims that do not fit the requested type.
	var wrongType struct {
		Exp string `json:"exp"`
	}
	err = verifier.VerifyIntoAt(sign(`{"exp":1700009999}`), now, &wrongType)
	wantErr(t, "VerifyIntoAt type", err, jwtmint.ErrClaimsType)
	var typeErr *json.UnmarshalTypeError
	if !errors.As(err, &typeErr) {
		t.Fatalf("ErrClaimsType does not unwrap to encoding/json's error: %v", err)
	}
	err = verifier.VerifyIntoAt(sign(`{"exp":1700009999}`), now, wrongType)
	wantErr(t, "VerifyIntoAt non-pointer", err, jwtmint.ErrClaimsType)
}

func TestKeyErrors(t *testing.T) {
	_, err := jwtmint.NewKey(nil)
	wantErr(t, "nil secret", err, jwtmint.ErrEmptySecret)
	_, err = jwtmint.NewKey([]byte{})
	wantErr(t, "empty secret", err, jwtmint.ErrEmptySecret)
	_, err = jwtmint.NewKey([]byte(strings.Repeat("s", 31)))
	wantErr(t, "31-byte secret", err, jwtmint.ErrWeakSecret)
	if _, err := jwtmint.NewKey([]byte(strings.Repeat("s", 32))); err != nil {
		t.Fatalf("32-byte secret: %v", err)
	}
	_, err = jwtmint.NewKeyFromEncoded(strings.Repeat("zz", 32), jwtmint.EncodingHex)
	wantErr(t, "bad hex", err, jwtmint.ErrInvalidSecretEncoding)
	_, err = jwtmint.NewKeyFromEncoded(strings.Repeat("00", 31), jwtmint.EncodingHex)
	wantErr(t, "31 bytes of hex", err, jwtmint.ErrWeakSecret)
	_, err = jwtmint.NewKeyFromEncoded(strings.Repeat("A", 43)+"+", jwtmint.EncodingBase64URL)
	wantErr(t, "base64 in base64url", err, jwtmint.ErrInvalidSecretEncoding)
	_, err = jwtmint.NewKeyFromEncoded("\xff"+strings.Repeat("s", 40), jwtmint.EncodingUTF8)
	wantErr(t, "not UTF-8", err, jwtmint.ErrInvalidUTF8)
	_, err = jwtmint.NewKeyFromEncoded(testSecret, jwtmint.Encoding(42))
	wantErr(t, "unknown encoding", err, jwtmint.ErrInvalidArgument)
	_, err = jwtmint.ParseEncoding("jwk")
	wantErr(t, "ParseEncoding", err, jwtmint.ErrInvalidArgument)
	if jwtmint.EncodingBase64URL.String() != "base64url" || jwtmint.Encoding(42).String() != "Encoding(42)" {
		t.Fatal("Encoding.String")
	}
}

func TestMintErrors(t *testing.T) {
	key := mustKey(t, testSecret)

	_, err := jwtmint.Mint(key, 42)
	wantErr(t, "claims 42", err, jwtmint.ErrClaimsNotAnObject)
	_, err = jwtmint.Mint(key, []string{"a"})
	wantErr(t, "claims array", err, jwtmint.ErrClaimsNotAnObject)
	_, err = jwtmint.Mint(key, nil)
	wantErr(t, "claims nil", err, jwtmint.ErrClaimsNotAnObject)
	_, err = jwtmint.Mint(key, map[string]any{"c": make(chan int)})
	wantErr(t, "channel", err, jwtmint.ErrSerialize)
	var unsupported *json.UnsupportedTypeError
	if !errors.As(err, &unsupported) {
		t.Fatalf("ErrSerialize does not unwrap to encoding/json's error: %v", err)
	}
	_, err = jwtmint.Mint(key, map[string]any{"exp": math.NaN()})
	wantErr(t, "NaN", err, jwtmint.ErrSerialize)
	_, err = jwtmint.Mint(key, map[string]any{"exp": "soon"})
	wantErr(t, "exp a string", err, jwtmint.ErrMalformedClaim)
	_, err = jwtmint.MintJSON(key, nil)
	wantErr(t, "empty JSON", err, jwtmint.ErrInvalidJSON)
	_, err = jwtmint.MintJSON(key, []byte{'{', 0xff, '}'})
	wantErr(t, "not UTF-8", err, jwtmint.ErrInvalidJSON)
	_, err = jwtmint.MintJSON(key, []byte(`{"a":1,"a":2}`))
	wantErr(t, "duplicate", err, jwtmint.ErrDuplicateMember)

	_, err = jwtmint.NewAPITokenMinter(key, "")
	wantErr(t, "empty API key", err, jwtmint.ErrInvalidArgument)
	_, err = jwtmint.NewAPITokenMinter(key, "k\xff")
	wantErr(t, "API key not UTF-8", err, jwtmint.ErrInvalidUTF8)
	_, err = jwtmint.NewAPITokenMinter(key, "k", jwtmint.WithTTL(0))
	wantErr(t, "ttl 0", err, jwtmint.ErrInvalidArgument)
	_, err = jwtmint.NewAPITokenMinter(key, "k", jwtmint.WithSkew(-time.Second))
	wantErr(t, "negative skew", err, jwtmint.ErrInvalidArgument)
	_, err = jwtmint.NewAPITokenMinter(key, "k", jwtmint.WithTTL(1500*time.Millisecond))
	wantErr(t, "fractional ttl", err, jwtmint.ErrInvalidArgument)
	if !strings.Contains(err.Error(), "ttl is not a whole number of seconds") {
		t.Fatalf("the error does not say which argument: %v", err)
	}
	_, err = jwtmint.NewAPITokenMinter(key, "k", jwtmint.MinterOption{})
	wantErr(t, "zero option", err, jwtmint.ErrInvalidArgument)
	_, err = jwtmint.MintAPITokenAt(key, "", 1700000000)
	wantErr(t, "one-shot empty API key", err, jwtmint.ErrInvalidArgument)

	// skew >= ttl: every token would be born expired.
	bornExpired := closing(jwtmint.NewAPITokenMinter(key, "k", jwtmint.WithSkew(60*time.Second), jwtmint.WithTTL(60*time.Second)))(t)
	_, err = bornExpired.MintAt(1700000000)
	wantErr(t, "skew = ttl", err, jwtmint.ErrInvalidArgument)

	minter := closing(jwtmint.NewAPITokenMinter(key, "k"))(t)
	_, err = minter.MintAt(math.MinInt64)
	wantErr(t, "now - skew overflows", err, jwtmint.ErrTimeOverflow)
	_, err = minter.MintAt(math.MaxInt64)
	wantErr(t, "iat + ttl overflows", err, jwtmint.ErrTimeOverflow)
}

func TestVerifierOptionErrors(t *testing.T) {
	key := mustKey(t, testSecret)
	for _, c := range []struct {
		what string
		opt  jwtmint.VerifierOption
		want *jwtmint.Error
	}{
		{"negative leeway", jwtmint.WithLeeway(-time.Second), jwtmint.ErrInvalidArgument},
		{"fractional leeway", jwtmint.WithLeeway(time.Millisecond), jwtmint.ErrInvalidArgument},
		{"negative max length", jwtmint.WithMaxLen(-1), jwtmint.ErrInvalidArgument},
		{"empty claim name", jwtmint.WithRequiredClaims(""), jwtmint.ErrInvalidArgument},
		{"empty claim name after others", jwtmint.WithRequiredClaims("exp", "iat", ""), jwtmint.ErrInvalidArgument},
		{"claim name not UTF-8", jwtmint.WithRequiredClaims("\xff"), jwtmint.ErrInvalidUTF8},
		{"issuer not UTF-8", jwtmint.WithIssuer("\xff"), jwtmint.ErrInvalidUTF8},
		{"audience not UTF-8", jwtmint.WithAudience("\xfe"), jwtmint.ErrInvalidUTF8},
		{"zero option", jwtmint.VerifierOption{}, jwtmint.ErrInvalidArgument},
	} {
		v, err := jwtmint.NewVerifier(key, c.opt)
		wantErr(t, c.what, err, c.want)
		if v != nil {
			t.Fatalf("%s: a verifier came back with the error", c.what)
		}
	}
	_, err := jwtmint.NewZoomAPIVerifier(key, "k\xff")
	wantErr(t, "Zoom API key not UTF-8", err, jwtmint.ErrInvalidUTF8)
}

// Required claim names are data: each is the library's to judge (only the empty name is
// refused, code 103), taken exactly as given; the binding neither splits, trims nor joins them.
func TestRequiredClaimNames(t *testing.T) {
	const now = 1700000000
	key := mustKey(t, testSecret)
	sign := func(payload string) string { return hs256([]byte(testSecret), []byte(payload)) }
	for _, c := range []struct {
		what    string
		names   []string
		payload string
		want    *jwtmint.Error // nil: accepted
	}{
		{"no names: nothing required", nil, `{"sub":"u"}`, nil},
		{"an empty list, not the default exp", []string{}, `{}`, nil},
		{"the default is replaced", []string{"sub"}, `{"sub":"u"}`, nil},
		{"a repeated name counts once", []string{"sub", "sub"}, `{"sub":"u"}`, nil},
		{"a repeated name is still required", []string{"sub", "sub"}, `{"exp":1700009999}`, jwtmint.ErrMissingClaim},
		{"a comma is part of the name", []string{"exp,iat"}, `{"exp":1700009999,"iat":1699999999}`, jwtmint.ErrMissingClaim},
		{"a name with a comma", []string{"exp,iat"}, `{"exp,iat":1}`, nil},
		{"blanks are part of the name", []string{" sub"}, `{"sub":"u"}`, jwtmint.ErrMissingClaim},
		{"a blank name", []string{" \t"}, `{" \t":1}`, nil},
	} {
		v, err := jwtmint.NewVerifier(key, jwtmint.WithRequiredClaims(c.names...))
		if err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		err = v.CheckAt(sign(c.payload), now)
		v.Close()
		if c.want == nil && err != nil {
			t.Errorf("%s: %v", c.what, err)
		} else if c.want != nil {
			wantErr(t, c.what, err, c.want)
		}
	}
	_, err := jwtmint.NewVerifier(key, jwtmint.WithRequiredClaims(""))
	var e *jwtmint.Error
	if !errors.As(err, &e) || e.Code != 103 || e.Kind() != jwtmint.KindInput || !errors.Is(err, jwtmint.KindInput) {
		t.Fatalf("empty claim name: %#v, want code 103 of kind 1xx", err)
	}
	// The option keeps its own copy of the names.
	names := []string{"sub"}
	opt := jwtmint.WithRequiredClaims(names...)
	names[0] = "other"
	v := closing(jwtmint.NewVerifier(key, opt))(t)
	if err := v.CheckAt(sign(`{"sub":"u"}`), now); err != nil {
		t.Fatalf("the option followed a change to the caller's slice: %v", err)
	}
}
