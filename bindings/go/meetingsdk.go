package jwtmint

/*
#include <jwtmint.h>

// mn given but empty gets a non-NULL pointer: (NULL, 0) would leave the claim out.
static jwtmint_result jwtmint_go_meetingsdk_mint(uintptr_t key, const uint8_t *sdk_key,
		size_t sdk_key_len, const uint8_t *mn, size_t mn_len, int has_mn, int32_t role,
		int32_t video_webrtc_mode, uint64_t ttl, uint64_t skew, int64_t now, uint8_t *out,
		size_t cap, size_t *out_len) {
	static const uint8_t empty[1] = {0};
	return jwtmint_meetingsdk_mint((const jwtmint_key *)key, sdk_key, sdk_key_len,
		has_mn ? (mn ? mn : empty) : NULL, has_mn ? mn_len : 0, role, video_webrtc_mode, ttl, skew,
		now, out, cap, out_len);
}
*/
import "C"

// MeetingSDKOption sets an optional claim or the lifetime of a Meeting SDK token. WithTTL
// (1800 s to 48 h; default 2 h) and WithSkew (default 30 s; 0 is exactly Zoom's sample) are
// MeetingSDKOptions too.
type MeetingSDKOption interface {
	applyMeetingSDK(*meetingSDKConfig) error
}

type meetingSDKConfig struct {
	mn               optionalText
	role, webRTCMode int32 // JWTMINT_MEETINGSDK_UNSET (left out), 0 or 1
	ttl, skew        uint64
}

type meetingSDKOptionFunc func(*meetingSDKConfig) error

func (f meetingSDKOptionFunc) applyMeetingSDK(c *meetingSDKConfig) error { return f(c) }

func (o MinterOption) applyMeetingSDK(c *meetingSDKConfig) error {
	if o.apply == nil {
		return argumentError("a zero MinterOption")
	}
	m := minterConfig{skew: c.skew, ttl: c.ttl}
	err := o.apply(&m)
	c.skew, c.ttl = m.skew, m.ttl
	return err
}

// WithMeetingNumber sets mn, the meeting or webinar number (1 to 20 digits). It needs
// WithMeetingRole too: both make a web SDK token, neither a native SDK one.
func WithMeetingNumber(mn string) MeetingSDKOption {
	return meetingSDKOptionFunc(func(c *meetingSDKConfig) error {
		c.mn = optionalText{mn, true}
		return nil
	})
}

// WithMeetingRole sets role: RoleParticipant (0) or RoleHost (1). It needs WithMeetingNumber
// too.
func WithMeetingRole(role Role) MeetingSDKOption {
	return meetingSDKOptionFunc(func(c *meetingSDKConfig) error {
		if role < 0 {
			// -1 is the C ABI's "unset": never a way to leave the role out by accident.
			return argumentError("a negative role")
		}
		c.role = int32(role)
		return nil
	})
}

// WithMeetingVideoWebRTCMode sets video_webrtc_mode (1: WebRTC video, Meeting SDK for web).
func WithMeetingVideoWebRTCMode(on bool) MeetingSDKOption {
	return meetingSDKOptionFunc(func(c *meetingSDKConfig) error {
		c.webRTCMode = 0
		if on {
			c.webRTCMode = 1
		}
		return nil
	})
}

// MintMeetingSDKToken mints a Meeting SDK token as of the system clock; see
// MintMeetingSDKTokenAt.
func MintMeetingSDKToken(key *Key, sdkKey string, opts ...MeetingSDKOption) (string, error) {
	return atNow(func(now int64) (string, error) { return MintMeetingSDKTokenAt(key, sdkKey, now, opts...) })
}

// MintMeetingSDKTokenAt mints the token a Meeting SDK client signs in with, for the SDK key
// sdkKey (written as appKey and sdkKey), signed with key (the Meeting SDK secret), as of now:
// payload {"appKey","sdkKey","mn","role","iat","exp","tokenExp","video_webrtc_mode"} in the
// order of Zoom's meetingsdk-auth-endpoint-sample, the members not set left out. Zoom's rules
// are checked before anything is signed.
//
// Errors: ErrClosed; ErrInvalidMeetingSDKClaim (an empty SDK key, mn not digits, only one of
// mn and role, a role other than 0 and 1); ErrMeetingSDKLifetimeOutOfRange (TTL not from
// 30 min to 48 h); ErrInvalidArgument (skew not shorter than the TTL); ErrInvalidUTF8;
// ErrTimeOverflow.
func MintMeetingSDKTokenAt(key *Key, sdkKey string, now int64, opts ...MeetingSDKOption) (string, error) {
	c := meetingSDKConfig{
		role:       C.JWTMINT_MEETINGSDK_UNSET,
		webRTCMode: C.JWTMINT_MEETINGSDK_UNSET,
		ttl:        C.JWTMINT_MEETINGSDK_DEFAULT_TTL,
		skew:       C.JWTMINT_DEFAULT_SKEW,
	}
	for _, opt := range opts {
		if opt == nil {
			return "", argumentError("a nil MeetingSDKOption")
		}
		if err := opt.applyMeetingSDK(&c); err != nil {
			return "", err
		}
	}
	hasMN := C.int(0)
	if c.mn.set {
		hasMN = 1
	}
	guess := 512 + 3*(2*len(sdkKey)+len(c.mn.text))
	return useText(key.handle(), guess, func(kp *C.jwtmint_key, out []byte) (C.jwtmint_result, int) {
		return withLen(func(n *C.size_t) C.jwtmint_result {
			return C.jwtmint_go_meetingsdk_mint(handleArg(kp), stringPtr(sdkKey), C.size_t(len(sdkKey)),
				stringPtr(c.mn.text), C.size_t(len(c.mn.text)), hasMN, C.int32_t(c.role),
				C.int32_t(c.webRTCMode), C.uint64_t(c.ttl), C.uint64_t(c.skew), C.int64_t(now),
				bytesPtr(out), C.size_t(len(out)), n)
		})
	})
}

// MeetingSDKClaims are the claims of a verified Meeting SDK token: the sample's members only;
// the optional ones are nil when the token does not carry them. MN is a string of digits,
// also when the token carries it as a number.
type MeetingSDKClaims struct {
	AppKey          *string `json:"appKey,omitempty"`
	SDKKey          *string `json:"sdkKey,omitempty"`
	MN              *string `json:"mn,omitempty"`
	Role            *Role   `json:"role,omitempty"`
	Iat             int64   `json:"iat"`
	Exp             int64   `json:"exp"`
	TokenExp        int64   `json:"tokenExp"`
	VideoWebRTCMode *int    `json:"video_webrtc_mode,omitempty"`
}

// MeetingSDKVerifier verifies Meeting SDK tokens under the Meeting SDK secret. Its rules are
// set when it is made (WithLeeway and WithMaxLen apply), so it is safe for use by many
// goroutines at once. Close releases it; one that is not closed is released by a finalizer.
type MeetingSDKVerifier struct {
	h *handle[C.jwtmint_meetingsdk_verifier]
}

// NewMeetingSDKVerifier makes a verifier of Meeting SDK tokens of any SDK key: leeway 60 s,
// tokens up to 8192 bytes, iat, exp and tokenExp required.
func NewMeetingSDKVerifier(key *Key, opts ...VerifierOption) (*MeetingSDKVerifier, error) {
	return newMeetingSDKVerifier(key, nil, 0, opts)
}

// NewMeetingSDKVerifierFor is NewMeetingSDKVerifier for tokens that name sdkKey (sdkKey, else
// appKey); another key is ErrSDKKeyMismatch.
func NewMeetingSDKVerifierFor(key *Key, sdkKey string, opts ...VerifierOption) (*MeetingSDKVerifier, error) {
	p := stringPtr(sdkKey)
	if p == nil {
		// NULL would mean "any key": the empty key is expected, which no token names.
		p = stringPtr("\x00")
	}
	return newMeetingSDKVerifier(key, p, len(sdkKey), opts)
}

func newMeetingSDKVerifier(key *Key, sdkKey *C.uint8_t, n int, opts []VerifierOption) (*MeetingSDKVerifier, error) {
	h, err := use(key.handle(), func(kp *C.jwtmint_key) (*handle[C.jwtmint_meetingsdk_verifier], error) {
		var p *C.jwtmint_meetingsdk_verifier
		rc := C.jwtmint_meetingsdk_verifier_new(kp, sdkKey, C.size_t(n), &p)
		return configure(rc, p, func(p *C.jwtmint_meetingsdk_verifier) { C.jwtmint_meetingsdk_verifier_free(p) },
			opts, "MeetingSDKVerifier",
			func(o VerifierOption) func(*C.jwtmint_meetingsdk_verifier) C.jwtmint_result { return o.setMeetingSDK })
	})
	if err != nil {
		return nil, err
	}
	return &MeetingSDKVerifier{h}, nil
}

// VerifyJSONAt verifies token at now and returns its claims as compact JSON, re-serialized
// from the verified claims in the sample's member order.
//
// Errors: those of Verifier.CheckAt; ErrMissingClaim (iat, exp or tokenExp); ErrExpired
// (also for tokenExp); ErrClaimsType; ErrInvalidMeetingSDKClaim;
// ErrMeetingSDKLifetimeOutOfRange; ErrSDKKeyMismatch.
func (v *MeetingSDKVerifier) VerifyJSONAt(token string, now int64) ([]byte, error) {
	return verifyJSON(v.handle(), token, now, func(p *C.jwtmint_meetingsdk_verifier, t *C.uint8_t, n C.size_t,
		at C.int64_t, out *C.uint8_t, cap C.size_t, outLen *C.size_t) C.jwtmint_result {
		return C.jwtmint_meetingsdk_verifier_verify(p, t, n, at, out, cap, outLen)
	})
}

// VerifyAt verifies token at now and returns its claims; errors as VerifyJSONAt.
func (v *MeetingSDKVerifier) VerifyAt(token string, now int64) (*MeetingSDKClaims, error) {
	return claimsFrom[MeetingSDKClaims](v.VerifyJSONAt(token, now))
}

// Verify is VerifyAt as of the system clock.
func (v *MeetingSDKVerifier) Verify(token string) (*MeetingSDKClaims, error) {
	return atNow(func(now int64) (*MeetingSDKClaims, error) { return v.VerifyAt(token, now) })
}

// Close releases the verifier. Later uses return ErrClosed; closing again does nothing.
// Always returns nil.
func (v *MeetingSDKVerifier) Close() error { return v.handle().close() }

// handle is nil for a nil *MeetingSDKVerifier, which every use then reports as ErrClosed.
func (v *MeetingSDKVerifier) handle() *handle[C.jwtmint_meetingsdk_verifier] {
	if v == nil {
		return nil
	}
	return v.h
}
