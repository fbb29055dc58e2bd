package jwtmint_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

// The Zoom extras: webhooks, Video SDK session tokens, the API token cache and jsrsasign
// secrets. Expectations come from Zoom's published example (the webhook vector) and from Go's
// standard library (crypto/hmac), never from the binding itself.

const (
	webhookSecret    = "ZOOM_WEBHOOK_SECRET_TOKEN"
	webhookBody      = `{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}`
	webhookSignature = "v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918"
	webhookEncrypted = "86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30"
)

func hmacHex(secret, message string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(message))
	return hex.EncodeToString(mac.Sum(nil))
}

func zoomSignature(timestamp, body string) string {
	return "v0=" + hmacHex(webhookSecret, "v0:"+timestamp+":"+body)
}

func TestWebhook(t *testing.T) {
	const now = 1700000000
	if zoomSignature("1700000000", webhookBody) != webhookSignature {
		t.Fatal("the test's own HMAC disagrees with the published vector")
	}
	w := closing(jwtmint.NewWebhook(webhookSecret))(t)

	sig, err := w.Sign(1700000000, []byte(webhookBody))
	if err != nil || sig != webhookSignature {
		t.Fatalf("Sign = %q, %v", sig, err)
	}
	ts, err := w.VerifyAt("1700000000", []byte(webhookBody), webhookSignature, now)
	if err != nil || ts != 1700000000 {
		t.Fatalf("VerifyAt = %d, %v", ts, err)
	}
	resp, err := w.URLValidationAt("1700000000", []byte(webhookBody), webhookSignature, now+299)
	if err != nil {
		t.Fatal(err)
	}
	var answer struct {
		PlainToken     string `json:"plainToken"`
		EncryptedToken string `json:"encryptedToken"`
	}
	if err := json.Unmarshal(resp, &answer); err != nil || answer.PlainToken != "qgg8vlvZRS6UYooatFL8Aw" ||
		answer.EncryptedToken != webhookEncrypted || answer.EncryptedToken != hmacHex(webhookSecret, answer.PlainToken) {
		t.Fatalf("URLValidationAt = %s, %v", resp, err)
	}

	body := []byte(webhookBody)
	upper := "v0=" + strings.ToUpper(webhookSignature[3:])
	for _, c := range []struct {
		what, timestamp string
		body            []byte
		signature       string
		now             int64
		want            *jwtmint.Error
	}{
		{"tampered body", "1700000000", append(append([]byte{}, body...), ' '), webhookSignature, now, jwtmint.ErrWebhookSignatureMismatch},
		{"another timestamp", "1700000001", body, webhookSignature, now, jwtmint.ErrWebhookSignatureMismatch},
		{"prefix", "1700000000", body, "v1=" + webhookSignature[3:], now, jwtmint.ErrWebhookSignaturePrefix},
		{"length", "1700000000", body, webhookSignature[:66], now, jwtmint.ErrWebhookSignatureLength},
		{"upper-case hex", "1700000000", body, upper, now, jwtmint.ErrWebhookSignatureEncoding},
		{"timestamp not digits", "+1700000000", body, webhookSignature, now, jwtmint.ErrWebhookTimestampMalformed},
		{"empty timestamp", "", body, webhookSignature, now, jwtmint.ErrWebhookTimestampMalformed},
		{"too old", "1700000000", body, webhookSignature, now + 301, jwtmint.ErrWebhookTimestampOutOfTolerance},
		{"from the future", "1700000000", body, webhookSignature, now - 301, jwtmint.ErrWebhookTimestampOutOfTolerance},
	} {
		_, err := w.VerifyAt(c.timestamp, c.body, c.signature, c.now)
		wantErr(t, "VerifyAt "+c.what, err, c.want)
		_, err = w.URLValidationAt(c.timestamp, c.body, c.signature, c.now)
		wantErr(t, "URLValidationAt "+c.what, err, c.want)
	}

	// Correctly signed bodies that are not a url_validation challenge.
	for _, c := range []struct {
		what, body string
		want       *jwtmint.Error
	}{
		{"another event", `{"payload":{"plainToken":"x"},"event":"meeting.started"}`, jwtmint.ErrUnexpectedWebhookEvent},
		{"no plainToken", `{"payload":{},"event":"endpoint.url_validation"}`, jwtmint.ErrInvalidPlainToken},
		{"empty plainToken", `{"payload":{"plainToken":""},"event":"endpoint.url_validation"}`, jwtmint.ErrInvalidPlainToken},
		{"not JSON", `{"payload":`, jwtmint.ErrWebhookBodyMalformed},
		{"duplicate member", `{"payload":{"plainToken":"a","plainToken":"b"},"event":"endpoint.url_validation"}`, jwtmint.ErrWebhookBodyMalformed},
	} {
		sig := zoomSignature("1700000000", c.body)
		if _, err := w.VerifyAt("1700000000", []byte(c.body), sig, now); err != nil {
			t.Fatalf("%s: the signature itself is rejected: %v", c.what, err)
		}
		_, err := w.URLValidationAt("1700000000", []byte(c.body), sig, now)
		wantErr(t, c.what, err, c.want)
	}

	strict := closing(jwtmint.NewWebhook(webhookSecret, jwtmint.WithTolerance(10*time.Second)))(t)
	if _, err := strict.VerifyAt("1700000000", body, webhookSignature, now+10); err != nil {
		t.Fatalf("within a 10 s tolerance: %v", err)
	}
	_, err = strict.VerifyAt("1700000000", body, webhookSignature, now+11)
	wantErr(t, "tolerance 10 s", err, jwtmint.ErrWebhookTimestampOutOfTolerance)

	_, err = jwtmint.NewWebhook("")
	wantErr(t, "empty secret token", err, jwtmint.ErrEmptySecret)
	_, err = jwtmint.NewWebhook(webhookSecret, jwtmint.WithTolerance(-time.Second))
	wantErr(t, "negative tolerance", err, jwtmint.ErrInvalidArgument)

	w.Close()
	_, err = w.VerifyAt("1700000000", body, webhookSignature, now)
	if !errors.Is(err, jwtmint.ErrClosed) {
		t.Fatalf("closed webhook: %v", err)
	}
	if _, err := w.Sign(1, nil); !errors.Is(err, jwtmint.ErrClosed) {
		t.Fatalf("closed webhook Sign: %v", err)
	}
}

func TestVideoSDKToken(t *testing.T) {
	const now = 1700000000
	const sdkSecret = "my-video-sdk-secret-of-36-characters"
	key := mustKey(t, sdkSecret)

	token, err := jwtmint.MintVideoSDKTokenAt(key, "sdk-key", "support-call-42", jwtmint.RoleHost, now)
	if err != nil {
		t.Fatal(err)
	}
	payload := `{"app_key":"sdk-key","role_type":1,"tpc":"support-call-42","version":1,"iat":1699999970,"exp":1700007170}`
	if want := hs256([]byte(sdkSecret), []byte(payload)); token != want {
		t.Fatalf("MintVideoSDKTokenAt = %q, want %q", token, want)
	}

	// Every optional claim, in the order of Zoom's sample, an empty user identity included.
	token, err = jwtmint.MintVideoSDKTokenAt(key, "sdk-key", "Zoë 🎥", jwtmint.RoleParticipant, now,
		jwtmint.WithAudioWebRTCMode(false), jwtmint.WithVideoWebRTCMode(true),
		jwtmint.WithTelemetryTrackingID("trk"), jwtmint.WithCloudRecordingElection(false),
		jwtmint.WithCloudRecordingOption(true), jwtmint.WithGeoRegions("US", "DE"),
		jwtmint.WithSessionKey("sk-1"), jwtmint.WithUserIdentity(""),
		jwtmint.WithTTL(1800*time.Second), jwtmint.WithSkew(0))
	if err != nil {
		t.Fatal(err)
	}
	payload = `{"app_key":"sdk-key","role_type":0,"tpc":"Zoë 🎥","version":1,"iat":1700000000,"exp":1700001800,` +
		`"user_identity":"","session_key":"sk-1","geo_regions":"US,DE","cloud_recording_option":1,` +
		`"cloud_recording_election":0,"telemetry_tracking_id":"trk","video_webrtc_mode":1,"audio_webrtc_mode":0}`
	if want := hs256([]byte(sdkSecret), []byte(payload)); token != want {
		t.Fatalf("MintVideoSDKTokenAt (all options) = %q, want %q", token, want)
	}

	verifier := closing(jwtmint.NewVideoSDKVerifier(key, "sdk-key", jwtmint.WithLeeway(0)))(t)
	js, err := verifier.VerifyJSONAt(token, now)
	if err != nil || string(js) != payload {
		t.Fatalf("VerifyJSONAt = %s, %v", js, err)
	}
	claims, err := verifier.VerifyAt(token, now)
	if err != nil {
		t.Fatal(err)
	}
	if claims.AppKey != "sdk-key" || claims.RoleType != jwtmint.RoleParticipant || claims.SessionName != "Zoë 🎥" ||
		claims.Version != 1 || claims.Iat != now || claims.Exp != now+1800 ||
		claims.UserIdentity == nil || *claims.UserIdentity != "" || *claims.GeoRegions != "US,DE" ||
		*claims.CloudRecordingOption != 1 || *claims.CloudRecordingElection != 0 || *claims.VideoWebRTCMode != 1 ||
		*claims.AudioWebRTCMode != 0 || *claims.TelemetryTrackingID != "trk" || *claims.SessionKey != "sk-1" {
		t.Fatalf("claims %+v", claims)
	}
	_, err = verifier.VerifyAt(token, now+1800)
	wantErr(t, "expired with leeway 0", err, jwtmint.ErrExpired)
	other := closing(jwtmint.NewVideoSDKVerifier(key, "another-sdk-key"))(t)
	_, err = other.VerifyAt(token, now)
	wantErr(t, "another SDK key", err, jwtmint.ErrAppKeyMismatch)
	// A plain JWT is not a Video SDK token.
	plain, err := jwtmint.Mint(key, map[string]any{"app_key": "sdk-key", "exp": now + 60})
	if err != nil {
		t.Fatal(err)
	}
	_, err = verifier.VerifyAt(plain, now)
	wantErr(t, "plain JWT", err, jwtmint.ErrMissingClaim)
	_, err = jwtmint.NewVideoSDKVerifier(key, "sdk-key", jwtmint.WithIssuer("x"))
	wantErr(t, "issuer option", err, jwtmint.ErrInvalidArgument)

	for _, c := range []struct {
		what        string
		appKey, tpc string
		role        jwtmint.Role
		opts        []jwtmint.VideoSDKOption
		want        *jwtmint.Error
	}{
		{"empty app key", "", "s", jwtmint.RoleHost, nil, jwtmint.ErrEmptyField},
		{"empty session name", "k", "", jwtmint.RoleHost, nil, jwtmint.ErrEmptyField},
		{"session name of 201", "k", strings.Repeat("s", 201), jwtmint.RoleHost, nil, jwtmint.ErrFieldTooLong},
		{"user identity of 36", "k", "s", jwtmint.RoleHost, []jwtmint.VideoSDKOption{jwtmint.WithUserIdentity(strings.Repeat("u", 36))}, jwtmint.ErrFieldTooLong},
		{"role 2", "k", "s", jwtmint.Role(2), nil, jwtmint.ErrInvalidVideoSDKClaim},
		{"role -1", "k", "s", jwtmint.Role(-1), nil, jwtmint.ErrInvalidVideoSDKClaim},
		{"unknown region", "k", "s", jwtmint.RoleHost, []jwtmint.VideoSDKOption{jwtmint.WithGeoRegions("US", "XX")}, jwtmint.ErrUnknownGeoRegion},
		{"lower-case region", "k", "s", jwtmint.RoleHost, []jwtmint.VideoSDKOption{jwtmint.WithGeoRegions("us")}, jwtmint.ErrUnknownGeoRegion},
		{"no region", "k", "s", jwtmint.RoleHost, []jwtmint.VideoSDKOption{jwtmint.WithGeoRegions()}, jwtmint.ErrUnknownGeoRegion},
		{"region twice", "k", "s", jwtmint.RoleHost, []jwtmint.VideoSDKOption{jwtmint.WithGeoRegions("US", "US")}, jwtmint.ErrDuplicateGeoRegion},
		{"comma in a region", "k", "s", jwtmint.RoleHost, []jwtmint.VideoSDKOption{jwtmint.WithGeoRegions("US,DE")}, jwtmint.ErrInvalidArgument},
		{"ttl 1799 s", "k", "s", jwtmint.RoleHost, []jwtmint.VideoSDKOption{jwtmint.WithTTL(1799 * time.Second)}, jwtmint.ErrLifetimeOutOfRange},
		{"ttl 48 h + 1 s", "k", "s", jwtmint.RoleHost, []jwtmint.VideoSDKOption{jwtmint.WithTTL(48*time.Hour + time.Second)}, jwtmint.ErrLifetimeOutOfRange},
		{"skew = ttl", "k", "s", jwtmint.RoleHost, []jwtmint.VideoSDKOption{jwtmint.WithTTL(1800 * time.Second), jwtmint.WithSkew(1800 * time.Second)}, jwtmint.ErrInvalidArgument},
		{"app key not UTF-8", "k\xff", "s", jwtmint.RoleHost, nil, jwtmint.ErrInvalidUTF8},
		{"nil option", "k", "s", jwtmint.RoleHost, []jwtmint.VideoSDKOption{nil}, jwtmint.ErrInvalidArgument},
	} {
		_, err := jwtmint.MintVideoSDKTokenAt(key, c.appKey, c.tpc, c.role, now, c.opts...)
		wantErr(t, c.what, err, c.want)
	}
	_, err = jwtmint.MintVideoSDKTokenAt(key, "k", "s", jwtmint.RoleHost, math.MaxInt64)
	wantErr(t, "time overflow", err, jwtmint.ErrTimeOverflow)
}

func TestAPITokenCache(t *testing.T) {
	const now = 1700000000
	key := mustKey(t, testSecret)
	minter := closing(jwtmint.NewAPITokenMinter(key, "cache-key"))(t)
	cache := closing(jwtmint.NewAPITokenCache(minter))(t)
	minter.Close() // the cache has its own copy

	tokenAt := func(at int64) string {
		payload := `{"iss":"cache-key","iat":` + strconv.FormatInt(at-30, 10) + `,"exp":` + strconv.FormatInt(at+3570, 10) + `}`
		return hs256([]byte(testSecret), []byte(payload))
	}
	first, err := cache.TokenAt(now)
	if err != nil || first != tokenAt(now) || cache.MintCount() != 1 {
		t.Fatalf("TokenAt = %q, %v, count %d", first, err, cache.MintCount())
	}
	// Fresh until 60 s before exp (exp = now + 3570).
	if again, err := cache.TokenAt(now + 3509); err != nil || again != first || cache.MintCount() != 1 {
		t.Fatalf("TokenAt(+3509) = %q, %v, count %d", again, err, cache.MintCount())
	}
	if fresh, err := cache.TokenAt(now + 3510); err != nil || fresh != tokenAt(now+3510) || cache.MintCount() != 2 {
		t.Fatalf("TokenAt(+3510) = %q, %v, count %d", fresh, err, cache.MintCount())
	}
	if err := cache.Clear(); err != nil {
		t.Fatal(err)
	}

	// After Clear, goroutines asking at once get one new token between them.
	inGoroutines(t, 8, func(g int) error {
		if token, err := cache.TokenAt(now + 4000); err != nil || token != tokenAt(now+4000) {
			return fmt.Errorf("goroutine %d: %q, %v", g, token, err)
		}
		return nil
	})
	if cache.MintCount() != 3 {
		t.Fatalf("%d mints after Clear and 8 concurrent requests, want 3", cache.MintCount())
	}
	_, err = cache.TokenAt(math.MinInt64)
	wantErr(t, "time overflow", err, jwtmint.ErrTimeOverflow)

	// Errors: a margin that makes every token stale, a closed minter, a closed cache.
	m2 := closing(jwtmint.NewAPITokenMinter(key, "k", jwtmint.WithTTL(100*time.Second), jwtmint.WithSkew(30*time.Second)))(t)
	_, err = jwtmint.NewAPITokenCache(m2, jwtmint.WithRefreshMargin(70*time.Second))
	wantErr(t, "skew + margin = ttl", err, jwtmint.ErrInvalidArgument)
	c2, err := jwtmint.NewAPITokenCache(m2, jwtmint.WithRefreshMargin(69*time.Second))
	if err != nil {
		t.Fatalf("skew + margin < ttl: %v", err)
	}
	c2.Close()
	if _, err := c2.TokenAt(now); !errors.Is(err, jwtmint.ErrClosed) || c2.MintCount() != 0 || !errors.Is(c2.Clear(), jwtmint.ErrClosed) {
		t.Fatalf("closed cache: %v", err)
	}
	if _, err := jwtmint.NewAPITokenCache(minter); !errors.Is(err, jwtmint.ErrClosed) {
		t.Fatalf("cache over a closed minter: %v", err)
	}
	_, err = jwtmint.NewAPITokenCache(m2, jwtmint.CacheOption{})
	wantErr(t, "zero option", err, jwtmint.ErrInvalidArgument)
}

// jsrsasignKeyBytes is how jsrsasign reads a secret string (Zoom's Node.js samples): an
// even-length all-hex text as hex, anything else as the low byte of each UTF-16 code unit.
func jsrsasignKeyBytes(secret string) []byte {
	if len(secret)%2 == 0 {
		if b, err := hex.DecodeString(secret); err == nil {
			return b
		}
	}
	var out []byte
	for _, unit := range utf16.Encode([]rune(secret)) {
		out = append(out, byte(unit))
	}
	return out
}

func TestJsrsasignSecrets(t *testing.T) {
	enc, err := jwtmint.ParseEncoding("jsrsasign")
	if err != nil || enc != jwtmint.EncodingJsrsasignCompat || enc.String() != "jsrsasign" {
		t.Fatalf("ParseEncoding(jsrsasign) = %v, %v", enc, err)
	}
	for _, secret := range []string{
		strings.Repeat("0123456789abcdef", 4),              // hex: 32 bytes
		strings.Repeat("0123456789ABCDEF", 4) + "0",        // odd length: text
		"sécret-with-ünïcödé-€-and-🎥-of-enough-characters", // high bytes dropped
	} {
		key, err := jwtmint.NewKeyFromEncoded(secret, jwtmint.EncodingJsrsasignCompat)
		if err != nil {
			t.Fatalf("%q: %v", secret, err)
		}
		token, err := jwtmint.MintAPITokenAt(key, "k", 1700000000)
		key.Close()
		if err != nil {
			t.Fatal(err)
		}
		want := hs256(jsrsasignKeyBytes(secret), []byte(`{"iss":"k","iat":1699999970,"exp":1700003570}`))
		if token != want {
			t.Fatalf("%q: %q, want %q", secret, token, want)
		}
	}
	_, err = jwtmint.NewKeyFromEncoded("short", jwtmint.EncodingJsrsasignCompat)
	wantErr(t, "short jsrsasign secret", err, jwtmint.ErrWeakSecret)
}

func TestZoomNilAndClosedHandles(t *testing.T) {
	var (
		w *jwtmint.Webhook
		v *jwtmint.VideoSDKVerifier
		c *jwtmint.APITokenCache
	)
	check := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, jwtmint.ErrClosed) {
			t.Errorf("%s: %v, want ErrClosed", what, err)
		}
	}
	_, err := w.VerifyAt("1", nil, "v0=", 1)
	check("nil Webhook.VerifyAt", err)
	_, err = w.URLValidationAt("1", nil, "v0=", 1)
	check("nil Webhook.URLValidationAt", err)
	_, err = v.VerifyAt("a.b.c", 1)
	check("nil VideoSDKVerifier.VerifyAt", err)
	_, err = c.TokenAt(1)
	check("nil APITokenCache.TokenAt", err)
	check("nil APITokenCache.Clear", c.Clear())
	_, err = jwtmint.MintVideoSDKTokenAt(nil, "k", "s", jwtmint.RoleHost, 1)
	check("MintVideoSDKTokenAt with a nil key", err)
	_, err = jwtmint.NewVideoSDKVerifier(nil, "k")
	check("NewVideoSDKVerifier with a nil key", err)
	_, err = jwtmint.NewAPITokenCache(nil)
	check("NewAPITokenCache with a nil minter", err)
	if w.Close() != nil || v.Close() != nil || c.Close() != nil {
		t.Error("Close on nil returned an error")
	}

	key := mustKey(t, testSecret)
	verifier := closing(jwtmint.NewVideoSDKVerifier(key, "k"))(t)
	verifier.Close()
	verifier.Close()
	_, err = verifier.VerifyJSONAt("a.b.c", 1)
	check("closed VideoSDKVerifier", err)
}
