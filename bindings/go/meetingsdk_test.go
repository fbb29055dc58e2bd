package jwtmint_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	jwtmint "example.invalid/jwtmint/bindings/go"
)

// Meeting SDK tokens through the binding: the shared vectors (tests/vectors/meeting_sdk.json,
// computed with Python's stdlib), every refusal with its sentinel, the verifier, and the
// Video SDK's user_key against hs256 (Go's standard library).

type meetingVector struct {
	Name            string  `json:"name"`
	SDKKey          string  `json:"sdk_key"`
	Secret          string  `json:"secret"`
	SecretEncoding  string  `json:"secret_encoding"`
	Now             int64   `json:"now"`
	Skew            int64   `json:"skew"`
	TTL             int64   `json:"ttl"`
	MN              *string `json:"mn"`
	Role            *int32  `json:"role"`
	VideoWebRTCMode *int    `json:"video_webrtc_mode"`
	PayloadJSON     string  `json:"payload_json"`
	Token           string  `json:"token"`
}

const meetingSecret = "Zoom-Meeting-SDK-Secret-Of-36-Chars!"
const meetingNow = int64(1700000000)

func TestMeetingSDKVectors(t *testing.T) {
	var doc struct{ Cases []meetingVector }
	readJSON(t, repoPath("tests", "vectors", "meeting_sdk.json"), &doc)
	if len(doc.Cases) < 6 {
		t.Fatalf("only %d cases in meeting_sdk.json", len(doc.Cases))
	}
	for _, c := range doc.Cases {
		c := c
		t.Run(c.Name, func(t *testing.T) {
			key := vectorKey(t, c.Secret, c.SecretEncoding)
			opts := []jwtmint.MeetingSDKOption{
				jwtmint.WithTTL(time.Duration(c.TTL) * time.Second),
				jwtmint.WithSkew(time.Duration(c.Skew) * time.Second),
			}
			if c.MN != nil {
				opts = append(opts, jwtmint.WithMeetingNumber(*c.MN), jwtmint.WithMeetingRole(jwtmint.Role(*c.Role)))
			}
			if c.VideoWebRTCMode != nil {
				opts = append(opts, jwtmint.WithMeetingVideoWebRTCMode(*c.VideoWebRTCMode == 1))
			}
			token, err := jwtmint.MintMeetingSDKTokenAt(key, c.SDKKey, c.Now, opts...)
			if err != nil || token != c.Token {
				t.Fatalf("got %q, %v; want %q", token, err, c.Token)
			}
			v, err := jwtmint.NewMeetingSDKVerifierFor(key, c.SDKKey)
			if err != nil {
				t.Fatal(err)
			}
			defer v.Close()
			js, err := v.VerifyJSONAt(token, c.Now)
			if err != nil || string(js) != c.PayloadJSON {
				t.Fatalf("verified %s, %v; want %s", js, err, c.PayloadJSON)
			}
		})
	}
}

func TestMeetingSDKRefusals(t *testing.T) {
	key := mustKey(t, meetingSecret)
	mn, role := jwtmint.WithMeetingNumber, jwtmint.WithMeetingRole
	for _, c := range []struct {
		what string
		opts []jwtmint.MeetingSDKOption
		want *jwtmint.Error
	}{
		{"mn without role", []jwtmint.MeetingSDKOption{mn("123")}, jwtmint.ErrInvalidMeetingSDKClaim},
		{"role without mn", []jwtmint.MeetingSDKOption{role(jwtmint.RoleHost)}, jwtmint.ErrInvalidMeetingSDKClaim},
		{"empty mn", []jwtmint.MeetingSDKOption{mn(""), role(jwtmint.RoleHost)}, jwtmint.ErrInvalidMeetingSDKClaim},
		{"mn not digits", []jwtmint.MeetingSDKOption{mn("1a"), role(jwtmint.RoleHost)}, jwtmint.ErrInvalidMeetingSDKClaim},
		{"role 2", []jwtmint.MeetingSDKOption{mn("1"), role(2)}, jwtmint.ErrInvalidMeetingSDKClaim},
		{"role -1", []jwtmint.MeetingSDKOption{mn("1"), role(-1)}, jwtmint.ErrInvalidArgument},
		{"ttl 1799", []jwtmint.MeetingSDKOption{jwtmint.WithTTL(1799 * time.Second)}, jwtmint.ErrMeetingSDKLifetimeOutOfRange},
		{"skew = ttl", []jwtmint.MeetingSDKOption{jwtmint.WithTTL(1800 * time.Second), jwtmint.WithSkew(1800 * time.Second)}, jwtmint.ErrInvalidArgument},
	} {
		_, err := jwtmint.MintMeetingSDKTokenAt(key, "k", meetingNow, c.opts...)
		wantErr(t, c.what, err, c.want)
	}
	_, err := jwtmint.MintMeetingSDKTokenAt(key, "", meetingNow)
	wantErr(t, "empty SDK key", err, jwtmint.ErrInvalidMeetingSDKClaim)
}

func TestMeetingSDKVerifier(t *testing.T) {
	key := mustKey(t, meetingSecret)
	token, err := jwtmint.MintMeetingSDKTokenAt(key, "k", meetingNow,
		jwtmint.WithMeetingNumber("9"), jwtmint.WithMeetingRole(jwtmint.RoleParticipant))
	if err != nil {
		t.Fatal(err)
	}
	anyKey := closing(jwtmint.NewMeetingSDKVerifier(key))(t)
	claims, err := anyKey.VerifyAt(token, meetingNow)
	if err != nil || *claims.MN != "9" || *claims.Role != jwtmint.RoleParticipant || claims.TokenExp != claims.Exp {
		t.Fatalf("%+v, %v", claims, err)
	}
	_, err = closing(jwtmint.NewMeetingSDKVerifierFor(key, "other"))(t).VerifyAt(token, meetingNow)
	wantErr(t, "another SDK key", err, jwtmint.ErrSDKKeyMismatch)
	_, err = closing(jwtmint.NewMeetingSDKVerifierFor(key, ""))(t).VerifyAt(token, meetingNow)
	wantErr(t, "the empty SDK key", err, jwtmint.ErrSDKKeyMismatch)
	_, err = anyKey.VerifyAt(token, meetingNow+7200+60)
	wantErr(t, "expired", err, jwtmint.ErrExpired)
	lenient := closing(jwtmint.NewMeetingSDKVerifier(key, jwtmint.WithLeeway(120*time.Second)))(t)
	if _, err := lenient.VerifyAt(token, meetingNow+7200+60); err != nil {
		t.Fatal(err)
	}
	_, err = closing(jwtmint.NewMeetingSDKVerifier(key, jwtmint.WithMaxLen(10)))(t).VerifyAt(token, meetingNow)
	wantErr(t, "too long", err, jwtmint.ErrTooLong)
	_, err = jwtmint.NewMeetingSDKVerifier(key, jwtmint.WithIssuer("x"))
	wantErr(t, "an option for other verifiers", err, jwtmint.ErrInvalidArgument)
	// Signed by the standard library: mn as a number, tokenExp sooner than exp.
	n := strconv.FormatInt(meetingNow, 10)
	payload := `{"sdkKey":"k","mn":123,"iat":` + n + `,"exp":` + strconv.FormatInt(meetingNow+7200, 10) +
		`,"tokenExp":` + strconv.FormatInt(meetingNow+1800, 10) + `}`
	claims, err = anyKey.VerifyAt(hs256([]byte(meetingSecret), []byte(payload)), meetingNow)
	if err != nil || *claims.MN != "123" {
		t.Fatalf("%+v, %v", claims, err)
	}
	bad := strings.Replace(payload, `"mn":123`, `"role":2`, 1)
	_, err = anyKey.VerifyAt(hs256([]byte(meetingSecret), []byte(bad)), meetingNow)
	wantErr(t, "role 2", err, jwtmint.ErrInvalidMeetingSDKClaim)
}

func TestVideoSDKTPCNotes(t *testing.T) {
	both := jwtmint.TPCUndocumentedCharacter | jwtmint.TPCNotLowerCase
	for tpc, want := range map[string]uint32{"room 1": 0, "": 0, "Room": jwtmint.TPCNotLowerCase, "café": 1, "Café": both} {
		if got, err := jwtmint.VideoSDKTPCNotes(tpc); err != nil || got != want {
			t.Errorf("%q: %d, %v; want %d", tpc, got, err, want)
		}
	}
	_, err := jwtmint.VideoSDKTPCNotes("\xff")
	wantErr(t, "not UTF-8", err, jwtmint.ErrInvalidUTF8)
}

func TestVideoSDKUserKey(t *testing.T) {
	key := mustKey(t, meetingSecret)
	long := strings.Repeat("v", 36)
	token, err := jwtmint.MintVideoSDKTokenAt(key, "k", "t", jwtmint.RoleHost, meetingNow,
		jwtmint.WithUserKey(long), jwtmint.WithUserIdentity("u"), jwtmint.WithTTL(1800*time.Second), jwtmint.WithSkew(0))
	if err != nil {
		t.Fatal(err)
	}
	n := strconv.FormatInt(meetingNow, 10)
	payload := `{"app_key":"k","role_type":1,"tpc":"t","version":1,"iat":` + n + `,"exp":` +
		strconv.FormatInt(meetingNow+1800, 10) + `,"user_identity":"u","user_key":"` + long + `"}`
	if want := hs256([]byte(meetingSecret), []byte(payload)); token != want {
		t.Fatalf("got %s, want %s", token, want)
	}
	claims, err := closing(jwtmint.NewVideoSDKVerifier(key, "k"))(t).VerifyAt(token, meetingNow)
	if err != nil || claims.UserKey == nil || *claims.UserKey != long {
		t.Fatalf("%+v, %v", claims, err)
	}
	_, err = jwtmint.MintVideoSDKTokenAt(key, "k", "t", jwtmint.RoleHost, meetingNow, jwtmint.WithUserKey(long+"v"))
	wantErr(t, "user_key of 37", err, jwtmint.ErrFieldTooLong)
}
