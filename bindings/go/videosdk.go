package jwtmint

/*
#include <jwtmint.h>

// Builds jwtmint_videosdk_options in C memory (a Go struct holding pointers to Go strings may
// not be passed to C) and mints. An optional text that is set but empty gets a non-NULL
// pointer: (NULL, 0) would leave the claim out.
static jwtmint_result jwtmint_go_videosdk_mint(uintptr_t key,
		const uint8_t *app_key, size_t app_key_len, const uint8_t *tpc, size_t tpc_len,
		const uint8_t *user_identity, size_t user_identity_len, int has_user_identity,
		const uint8_t *user_key, size_t user_key_len, int has_user_key,
		const uint8_t *session_key, size_t session_key_len, int has_session_key,
		const uint8_t *geo_regions, size_t geo_regions_len, int has_geo_regions,
		const uint8_t *telemetry, size_t telemetry_len, int has_telemetry,
		uint64_t ttl, uint64_t skew, int32_t role, int32_t cloud_recording_option,
		int32_t cloud_recording_election, int32_t video_webrtc_mode, int32_t audio_webrtc_mode,
		int64_t now, uint8_t *out, size_t cap, size_t *out_len) {
	static const uint8_t empty[1] = {0};
	jwtmint_videosdk_options o;
	jwtmint_result rc = jwtmint_videosdk_options_init(&o, sizeof o);
	if (rc != JWTMINT_OK) {
		return rc;
	}
#define JWTMINT_GO_TEXT(field, has) \
	o.field = (has) ? (field ? field : empty) : NULL; \
	o.field##_len = (has) ? field##_len : 0;
	o.app_key = app_key;
	o.app_key_len = app_key_len;
	o.tpc = tpc;
	o.tpc_len = tpc_len;
	JWTMINT_GO_TEXT(user_identity, has_user_identity)
	JWTMINT_GO_TEXT(user_key, has_user_key)
	JWTMINT_GO_TEXT(session_key, has_session_key)
	JWTMINT_GO_TEXT(geo_regions, has_geo_regions)
	o.telemetry_tracking_id = has_telemetry ? (telemetry ? telemetry : empty) : NULL;
	o.telemetry_tracking_id_len = has_telemetry ? telemetry_len : 0;
#undef JWTMINT_GO_TEXT
	o.ttl = ttl;
	o.skew = skew;
	o.role = role;
	o.cloud_recording_option = cloud_recording_option;
	o.cloud_recording_election = cloud_recording_election;
	o.video_webrtc_mode = video_webrtc_mode;
	o.audio_webrtc_mode = audio_webrtc_mode;
	return jwtmint_videosdk_mint((const jwtmint_key *)key, &o, now, out, cap, out_len);
}
*/
import "C"

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Role is a Video SDK token's role_type.
type Role int32

// The roles of a Video SDK session.
const (
	// RoleParticipant joins as a participant (role_type 0).
	RoleParticipant Role = C.JWTMINT_VIDEOSDK_ROLE_PARTICIPANT
	// RoleHost joins as the host (role_type 1): the first to join is the host, later ones
	// co-hosts.
	RoleHost Role = C.JWTMINT_VIDEOSDK_ROLE_HOST
)

// VideoSDKOption sets an optional claim or the lifetime of a Video SDK token. WithTTL (1800 s
// to 48 h; default 2 h) and WithSkew (default 30 s) are VideoSDKOptions too.
type VideoSDKOption interface {
	applyVideoSDK(*videoSDKConfig) error
}

type optionalText struct {
	text string
	set  bool
}

type videoSDKConfig struct {
	userIdentity, userKey, sessionKey, geoRegions, telemetryTrackingID optionalText
	ttl, skew                                                          uint64
	// cloud_recording_option, cloud_recording_election, video_webrtc_mode,
	// audio_webrtc_mode: JWTMINT_VIDEOSDK_UNSET (left out), 0 or 1.
	flags [4]int32
}

type videoSDKOptionFunc func(*videoSDKConfig) error

func (f videoSDKOptionFunc) applyVideoSDK(c *videoSDKConfig) error { return f(c) }

func (o MinterOption) applyVideoSDK(c *videoSDKConfig) error {
	if o.apply == nil {
		return argumentError("a zero MinterOption")
	}
	m := minterConfig{skew: c.skew, ttl: c.ttl}
	err := o.apply(&m)
	c.skew, c.ttl = m.skew, m.ttl
	return err
}

func textOption(field func(*videoSDKConfig) *optionalText, text string) VideoSDKOption {
	return videoSDKOptionFunc(func(c *videoSDKConfig) error {
		*field(c) = optionalText{text, true}
		return nil
	})
}

// WithUserIdentity sets user_identity, your identifier of the user: at most 35 UTF-16 code
// units.
func WithUserIdentity(id string) VideoSDKOption {
	return textOption(func(c *videoSDKConfig) *optionalText { return &c.userIdentity }, id)
}

// WithUserKey sets user_key, your identifier of the user under the name Zoom documents today
// ("previously named user_identity"): at most 36 UTF-16 code units. It is written right after
// user_identity.
func WithUserKey(key string) VideoSDKOption {
	return textOption(func(c *videoSDKConfig) *optionalText { return &c.userKey }, key)
}

// WithSessionKey sets session_key, your identifier of the session: at most 36 UTF-16 code
// units.
func WithSessionKey(key string) VideoSDKOption {
	return textOption(func(c *videoSDKConfig) *optionalText { return &c.sessionKey }, key)
}

// WithTelemetryTrackingID sets telemetry_tracking_id.
func WithTelemetryTrackingID(id string) VideoSDKOption {
	return textOption(func(c *videoSDKConfig) *optionalText { return &c.telemetryTrackingID }, id)
}

// WithGeoRegions sets geo_regions: Zoom's region codes (AU BR CA CN DE HK IN JP MX NL SG US),
// none twice; the token carries them joined by commas. A code containing a comma is
// ErrInvalidArgument.
func WithGeoRegions(regions ...string) VideoSDKOption {
	for _, r := range regions {
		// Joined by commas, "US,DE" would read as two valid codes rather than one unknown one.
		if strings.Contains(r, ",") {
			err := argumentError("a geo region contains a comma: " + strconv.Quote(r))
			return videoSDKOptionFunc(func(*videoSDKConfig) error { return err })
		}
	}
	return textOption(func(c *videoSDKConfig) *optionalText { return &c.geoRegions }, strings.Join(regions, ","))
}

func flagOption(i int, on bool) VideoSDKOption {
	return videoSDKOptionFunc(func(c *videoSDKConfig) error {
		c.flags[i] = 0
		if on {
			c.flags[i] = 1
		}
		return nil
	})
}

// WithCloudRecordingOption sets cloud_recording_option (1: a separate video per participant).
func WithCloudRecordingOption(on bool) VideoSDKOption { return flagOption(0, on) }

// WithCloudRecordingElection sets cloud_recording_election (1: the participant is recorded).
func WithCloudRecordingElection(on bool) VideoSDKOption { return flagOption(1, on) }

// WithVideoWebRTCMode sets video_webrtc_mode (1: WebRTC video).
func WithVideoWebRTCMode(on bool) VideoSDKOption { return flagOption(2, on) }

// WithAudioWebRTCMode sets audio_webrtc_mode (1: WebRTC audio).
func WithAudioWebRTCMode(on bool) VideoSDKOption { return flagOption(3, on) }

// MintVideoSDKToken mints a Video SDK session token as of the system clock; see
// MintVideoSDKTokenAt.
func MintVideoSDKToken(key *Key, appKey, sessionName string, role Role, opts ...VideoSDKOption) (string, error) {
	return atNow(func(now int64) (string, error) {
		return MintVideoSDKTokenAt(key, appKey, sessionName, role, now, opts...)
	})
}

// MintVideoSDKTokenAt mints the token a client uses to join the Video SDK session
// sessionName (tpc: 1 to 200 UTF-16 code units) for the SDK key appKey, signed with key (the
// Video SDK secret), as of now: payload {"app_key","role_type","tpc","version":1,"iat","exp"}
// and then the optional claims that are set, in the order of Zoom's sample. Zoom's rules are
// checked before anything is signed.
//
// Errors: ErrClosed; ErrEmptyField (appKey or sessionName empty); ErrFieldTooLong;
// ErrInvalidVideoSDKClaim (a role other than RoleParticipant and RoleHost);
// ErrUnknownGeoRegion, ErrDuplicateGeoRegion; ErrLifetimeOutOfRange (TTL not from 30 min to
// 48 h); ErrInvalidArgument (skew not shorter than the TTL); ErrInvalidUTF8; ErrTimeOverflow.
func MintVideoSDKTokenAt(key *Key, appKey, sessionName string, role Role, now int64, opts ...VideoSDKOption) (string, error) {
	c := videoSDKConfig{
		ttl:   C.JWTMINT_VIDEOSDK_DEFAULT_TTL,
		skew:  C.JWTMINT_DEFAULT_SKEW,
		flags: [4]int32{C.JWTMINT_VIDEOSDK_UNSET, C.JWTMINT_VIDEOSDK_UNSET, C.JWTMINT_VIDEOSDK_UNSET, C.JWTMINT_VIDEOSDK_UNSET},
	}
	for _, opt := range opts {
		if opt == nil {
			return "", argumentError("a nil VideoSDKOption")
		}
		if err := opt.applyVideoSDK(&c); err != nil {
			return "", err
		}
	}
	text := func(t optionalText) (*C.uint8_t, C.size_t, C.int) {
		if !t.set {
			return nil, 0, 0
		}
		return stringPtr(t.text), C.size_t(len(t.text)), 1
	}
	uiPtr, uiLen, uiSet := text(c.userIdentity)
	ukPtr, ukLen, ukSet := text(c.userKey)
	skPtr, skLen, skSet := text(c.sessionKey)
	geoPtr, geoLen, geoSet := text(c.geoRegions)
	telPtr, telLen, telSet := text(c.telemetryTrackingID)
	// A token is under 1 KiB but for very long optional texts; the retry covers those.
	guess := 512 + len(appKey) + len(sessionName) + int(uiLen+ukLen+skLen+geoLen+telLen)
	return useText(key.handle(), guess, func(kp *C.jwtmint_key, out []byte) (C.jwtmint_result, int) {
		return withLen(func(n *C.size_t) C.jwtmint_result {
			return C.jwtmint_go_videosdk_mint(handleArg(kp), stringPtr(appKey), C.size_t(len(appKey)),
				stringPtr(sessionName), C.size_t(len(sessionName)),
				uiPtr, uiLen, uiSet, ukPtr, ukLen, ukSet, skPtr, skLen, skSet, geoPtr, geoLen, geoSet, telPtr, telLen, telSet,
				C.uint64_t(c.ttl), C.uint64_t(c.skew), C.int32_t(role),
				C.int32_t(c.flags[0]), C.int32_t(c.flags[1]), C.int32_t(c.flags[2]), C.int32_t(c.flags[3]),
				C.int64_t(now), bytesPtr(out), C.size_t(len(out)), n)
		})
	})
}

// The notes of VideoSDKTPCNotes: what Zoom documents about a session name that minting does
// not refuse.
const (
	// TPCUndocumentedCharacter: a character outside ASCII letters and digits, space and
	// !#$%&()+-:;<=.>?@[]^_{}|~,\ .
	TPCUndocumentedCharacter uint32 = C.JWTMINT_TPC_UNDOCUMENTED_CHARACTER
	// TPCNotLowerCase: upper-case letters; Zoom lower-cases session names.
	TPCNotLowerCase uint32 = C.JWTMINT_TPC_NOT_LOWER_CASE
)

// VideoSDKTPCNotes returns what Zoom documents about the session name tpc that minting does
// not refuse, as a bit mask of TPCUndocumentedCharacter and TPCNotLowerCase (0: nothing); for
// a warning. Errors: ErrInvalidUTF8.
func VideoSDKTPCNotes(tpc string) (uint32, error) {
	var notes C.uint32_t
	p := stringPtr(tpc)
	if err := resultError(C.jwtmint_videosdk_tpc_notes(p, C.size_t(len(tpc)), &notes)); err != nil {
		return 0, err
	}
	return uint32(notes), nil
}

// VideoSDKClaims are the claims of a verified Video SDK token: Zoom's members only; the
// optional ones are nil when the token does not carry them.
type VideoSDKClaims struct {
	AppKey                 string  `json:"app_key"`
	RoleType               Role    `json:"role_type"`
	SessionName            string  `json:"tpc"`
	Version                int     `json:"version"`
	Iat                    int64   `json:"iat"`
	Exp                    int64   `json:"exp"`
	UserIdentity           *string `json:"user_identity,omitempty"`
	UserKey                *string `json:"user_key,omitempty"`
	SessionKey             *string `json:"session_key,omitempty"`
	GeoRegions             *string `json:"geo_regions,omitempty"`
	CloudRecordingOption   *int    `json:"cloud_recording_option,omitempty"`
	CloudRecordingElection *int    `json:"cloud_recording_election,omitempty"`
	TelemetryTrackingID    *string `json:"telemetry_tracking_id,omitempty"`
	VideoWebRTCMode        *int    `json:"video_webrtc_mode,omitempty"`
	AudioWebRTCMode        *int    `json:"audio_webrtc_mode,omitempty"`
}

// VideoSDKVerifier verifies Video SDK session tokens of one SDK key under the Video SDK
// secret. Its rules are set when it is made (WithLeeway and WithMaxLen apply; the other
// VerifierOptions are ErrInvalidArgument here), so it is safe for use by many goroutines at
// once. Close releases it; one that is not closed is released by a finalizer.
type VideoSDKVerifier struct {
	h *handle[C.jwtmint_videosdk_verifier]
}

// NewVideoSDKVerifier makes a verifier of Video SDK tokens for the SDK key appKey: leeway
// 60 s, tokens up to 8192 bytes, and app_key, tpc, role_type, version, iat and exp required.
// The key may be closed afterwards.
func NewVideoSDKVerifier(key *Key, appKey string, opts ...VerifierOption) (*VideoSDKVerifier, error) {
	h, err := use(key.handle(), func(kp *C.jwtmint_key) (*handle[C.jwtmint_videosdk_verifier], error) {
		var p *C.jwtmint_videosdk_verifier
		rc := C.jwtmint_videosdk_verifier_new(kp, stringPtr(appKey), C.size_t(len(appKey)), &p)
		return configure(rc, p, func(p *C.jwtmint_videosdk_verifier) { C.jwtmint_videosdk_verifier_free(p) },
			opts, "VideoSDKVerifier",
			func(o VerifierOption) func(*C.jwtmint_videosdk_verifier) C.jwtmint_result { return o.setVideoSDK })
	})
	if err != nil {
		return nil, err
	}
	return &VideoSDKVerifier{h}, nil
}

// VerifyJSONAt verifies token at now and returns its claims as compact JSON, re-serialized
// from the verified claims: Zoom's member order, flags as 0 or 1, other members left out.
//
// Errors: those of Verifier.CheckAt; ErrMissingClaim for a missing Video SDK claim;
// ErrClaimsType for a claim of the wrong JSON type; ErrAppKeyMismatch; and the rules of
// MintVideoSDKTokenAt (ErrInvalidVideoSDKClaim, ErrUnknownGeoRegion, ...).
func (v *VideoSDKVerifier) VerifyJSONAt(token string, now int64) ([]byte, error) {
	return verifyJSON(v.handle(), token, now, func(p *C.jwtmint_videosdk_verifier, t *C.uint8_t, n C.size_t,
		at C.int64_t, out *C.uint8_t, cap C.size_t, outLen *C.size_t) C.jwtmint_result {
		return C.jwtmint_videosdk_verifier_verify(p, t, n, at, out, cap, outLen)
	})
}

// VerifyAt verifies token at now and returns its claims; errors as VerifyJSONAt.
func (v *VideoSDKVerifier) VerifyAt(token string, now int64) (*VideoSDKClaims, error) {
	return claimsFrom[VideoSDKClaims](v.VerifyJSONAt(token, now))
}

// verifyJSON is the claims JSON an SDK verifier's verify export writes for token at now. The
// JSON is re-serialized, so its length is not bounded by the token's; a buffer of the token's
// length almost always holds it, and the library is asked again if not.
func verifyJSON[T any](h *handle[T], token string, now int64,
	verify func(p *T, token *C.uint8_t, n C.size_t, now C.int64_t, out *C.uint8_t, cap C.size_t, outLen *C.size_t) C.jwtmint_result,
) ([]byte, error) {
	return useBuffer(h, len(token), func(p *T, out []byte) (C.jwtmint_result, int) {
		return withLen(func(n *C.size_t) C.jwtmint_result {
			return verify(p, stringPtr(token), C.size_t(len(token)), C.int64_t(now), bytesPtr(out), C.size_t(len(out)), n)
		})
	})
}

// claimsFrom decodes verified claims JSON into Claims (a failure is ErrClaimsType).
func claimsFrom[Claims any](js []byte, err error) (*Claims, error) {
	if err != nil {
		return nil, err
	}
	var claims Claims
	if err := json.Unmarshal(js, &claims); err != nil {
		return nil, causedError(C.JWTMINT_CLAIMS_TYPE, err)
	}
	return &claims, nil
}

// Verify is VerifyAt as of the system clock.
func (v *VideoSDKVerifier) Verify(token string) (*VideoSDKClaims, error) {
	return atNow(func(now int64) (*VideoSDKClaims, error) { return v.VerifyAt(token, now) })
}

// Close releases the verifier. Later uses return ErrClosed; closing again does nothing.
// Always returns nil.
func (v *VideoSDKVerifier) Close() error { return v.handle().close() }

// handle is nil for a nil *VideoSDKVerifier, which every use then reports as ErrClosed.
func (v *VideoSDKVerifier) handle() *handle[C.jwtmint_videosdk_verifier] {
	if v == nil {
		return nil
	}
	return v.h
}
