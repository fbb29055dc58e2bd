package jwtmint

// #include <jwtmint.h>
import "C"

import (
	"bytes"
	"encoding/json"
	"time"
)

// VerifierOption changes one rule of a Verifier from its default; see NewVerifier.
type VerifierOption struct {
	set         func(*C.jwtmint_verifier) C.jwtmint_result
	setVideoSDK func(*C.jwtmint_videosdk_verifier) C.jwtmint_result // nil: not for Video SDK tokens
	// nil: not for Meeting SDK tokens
	setMeetingSDK func(*C.jwtmint_meetingsdk_verifier) C.jwtmint_result
	err           error // an argument the binding found out of range
}

// WithLeeway sets the allowance for clock differences applied to exp, nbf and iat (default
// 60 s). Whole seconds, not negative.
func WithLeeway(d time.Duration) VerifierOption {
	seconds, err := wholeSeconds("leeway", d)
	return VerifierOption{err: err, set: func(v *C.jwtmint_verifier) C.jwtmint_result {
		return C.jwtmint_verifier_set_leeway(v, C.uint64_t(seconds))
	}, setVideoSDK: func(v *C.jwtmint_videosdk_verifier) C.jwtmint_result {
		return C.jwtmint_videosdk_verifier_set_leeway(v, C.uint64_t(seconds))
	}, setMeetingSDK: func(v *C.jwtmint_meetingsdk_verifier) C.jwtmint_result {
		return C.jwtmint_meetingsdk_verifier_set_leeway(v, C.uint64_t(seconds))
	}}
}

// WithMaxLen sets the longest token accepted, in bytes (default 8192). Longer tokens are
// rejected with ErrTooLong before anything is decoded. Not negative.
func WithMaxLen(n int) VerifierOption {
	var err error
	if n < 0 {
		err = argumentError("max length is negative")
	}
	return VerifierOption{err: err, set: func(v *C.jwtmint_verifier) C.jwtmint_result {
		return C.jwtmint_verifier_set_max_len(v, C.size_t(n))
	}, setVideoSDK: func(v *C.jwtmint_videosdk_verifier) C.jwtmint_result {
		return C.jwtmint_videosdk_verifier_set_max_len(v, C.size_t(n))
	}, setMeetingSDK: func(v *C.jwtmint_meetingsdk_verifier) C.jwtmint_result {
		return C.jwtmint_meetingsdk_verifier_set_max_len(v, C.size_t(n))
	}}
}

// WithIssuer requires iss to be present and equal to issuer.
func WithIssuer(issuer string) VerifierOption {
	return VerifierOption{set: func(v *C.jwtmint_verifier) C.jwtmint_result {
		return C.jwtmint_verifier_set_issuer(v, stringPtr(issuer), C.size_t(len(issuer)))
	}}
}

// WithAudience requires aud to be present and to name audience. Without it, a token that
// carries aud is rejected (RFC 7519 section 4.1.3).
func WithAudience(audience string) VerifierOption {
	return VerifierOption{set: func(v *C.jwtmint_verifier) C.jwtmint_result {
		return C.jwtmint_verifier_set_audience(v, stringPtr(audience), C.size_t(len(audience)))
	}}
}

// WithRequiredClaims sets the claims that must be present, replacing the default (exp); with
// no names, none is required. Claims that are present are always checked, required or not.
// Each name is taken exactly as given and a repeated name counts once; an empty name is
// ErrInvalidArgument (the library's rule).
func WithRequiredClaims(names ...string) VerifierOption {
	names = append([]string(nil), names...) // the caller may reuse its slice
	return VerifierOption{set: func(v *C.jwtmint_verifier) C.jwtmint_result {
		rc := C.jwtmint_verifier_clear_required_claims(v)
		for _, name := range names {
			if rc != C.JWTMINT_OK {
				break
			}
			rc = C.jwtmint_verifier_require_claim(v, stringPtr(name), C.size_t(len(name)))
		}
		return rc
	}}
}

// Verifier verifies HS256 JWTs under one key and one set of rules (RFC 7515/7519/8725,
// strictly): the header must be exactly HS256, the MAC is checked in constant time before the
// payload is read, and registered claims that are present are always checked.
//
// Its rules are set when it is made and never change, so a Verifier is safe for use by many
// goroutines at once. Close releases it; one that is not closed is released by a finalizer
// once it is unreachable.
type Verifier struct {
	h *handle[C.jwtmint_verifier]
}

// NewVerifier makes a verifier with the default rules, changed by the options: leeway 60 s
// (WithLeeway), tokens up to 8192 bytes (WithMaxLen), exp required (WithRequiredClaims), no
// issuer or audience expected (WithIssuer, WithAudience; a token carrying aud is then
// rejected). The key may be closed afterwards.
//
// Errors: ErrClosed for a closed key; ErrInvalidArgument for an option out of range;
// ErrInvalidUTF8 when an issuer, audience or claim name is not UTF-8.
func NewVerifier(key *Key, opts ...VerifierOption) (*Verifier, error) {
	return newVerifier(key, opts, func(kp *C.jwtmint_key, out **C.jwtmint_verifier) C.jwtmint_result {
		return C.jwtmint_verifier_new(kp, out)
	})
}

// NewZoomAPIVerifier makes the verifier for Zoom API JWTs of one API key: iss, iat and exp
// required, and iss must equal apiKey; otherwise the defaults of NewVerifier, changed by the
// options. Errors as NewVerifier.
func NewZoomAPIVerifier(key *Key, apiKey string, opts ...VerifierOption) (*Verifier, error) {
	return newVerifier(key, opts, func(kp *C.jwtmint_key, out **C.jwtmint_verifier) C.jwtmint_result {
		return C.jwtmint_verifier_new_zoom_api(kp, stringPtr(apiKey), C.size_t(len(apiKey)), out)
	})
}

func newVerifier(key *Key, opts []VerifierOption,
	construct func(*C.jwtmint_key, **C.jwtmint_verifier) C.jwtmint_result) (*Verifier, error) {
	h, err := use(key.handle(), func(kp *C.jwtmint_key) (*handle[C.jwtmint_verifier], error) {
		var p *C.jwtmint_verifier
		rc := construct(kp, &p)
		return configure(rc, p, func(p *C.jwtmint_verifier) { C.jwtmint_verifier_free(p) }, opts, "",
			func(o VerifierOption) func(*C.jwtmint_verifier) C.jwtmint_result { return o.set })
	})
	if err != nil {
		return nil, err
	}
	return &Verifier{h}, nil
}

// configure takes charge of p, a verifier a constructor has just made with the result rc,
// after applying opts to it; on an error it frees p. No other goroutine can see p yet, as the
// C library's setters require. setter picks an option's setter for T; an option without one
// does not apply to a verifier of T, the kind named what.
func configure[T any](rc C.jwtmint_result, p *T, free func(*T), opts []VerifierOption, what string,
	setter func(VerifierOption) func(*T) C.jwtmint_result) (*handle[T], error) {
	if rc != C.JWTMINT_OK {
		return nil, codeError(rc)
	}
	for _, opt := range opts {
		set, err := setter(opt), opt.err
		switch {
		case err != nil:
		case opt.set == nil && opt.setVideoSDK == nil && opt.setMeetingSDK == nil:
			err = argumentError("a zero VerifierOption")
		case set == nil:
			err = argumentError("this option does not apply to a " + what)
		default:
			err = resultError(set(p))
		}
		if err != nil {
			free(p)
			return nil, err
		}
	}
	return own(p, free), nil
}

// Close releases the verifier. Later uses return ErrClosed; closing again does nothing. It
// waits for verifications on other goroutines to finish. Always returns nil.
func (v *Verifier) Close() error { return v.handle().close() }

// handle is nil for a nil *Verifier, which every use then reports as ErrClosed.
func (v *Verifier) handle() *handle[C.jwtmint_verifier] {
	if v == nil {
		return nil
	}
	return v.h
}

// CheckAt verifies token at now (seconds since the Unix epoch) and returns nil when every
// check passed, without reading the claims out.
//
// The error is an *Error for the first check that failed, in this order: ErrTooLong;
// ErrSegmentCount, ErrEmptySegment, ErrInvalidBase64; ErrInvalidJSON, ErrNotAnObject,
// ErrDuplicateMember (header); ErrMissingAlgorithm, ErrUnsupportedAlgorithm,
// ErrUnsupportedType, ErrCriticalHeader, ErrUnsupportedHeader; ErrInvalidSignature; the
// payload's ErrInvalidBase64, ErrInvalidJSON, ErrNotAnObject, ErrDuplicateMember,
// ErrMalformedClaim; ErrMissingClaim, ErrIssuerMismatch, ErrAudienceMismatch; ErrExpired,
// ErrNotYetValid, ErrIssuedInFuture. ErrClosed when the verifier is closed.
func (v *Verifier) CheckAt(token string, now int64) error {
	return useResult(v.handle(), func(p *C.jwtmint_verifier) C.jwtmint_result {
		return verifierCheck(p, token, now)
	})
}

// Check is CheckAt as of the system clock.
func (v *Verifier) Check(token string) error {
	return atNowErr(func(now int64) error { return v.CheckAt(token, now) })
}

// VerifyRawAt verifies token at now, as CheckAt does, and returns its payload JSON exactly as
// it was signed.
func (v *Verifier) VerifyRawAt(token string, now int64) ([]byte, error) {
	// A payload is never longer than its token, so one buffer of the token's length holds it.
	return v.verifyRawAt(token, now, len(token))
}

// verifyRawAt is VerifyRawAt with a first buffer of guess bytes.
func (v *Verifier) verifyRawAt(token string, now int64, guess int) ([]byte, error) {
	return useBuffer(v.handle(), guess, func(p *C.jwtmint_verifier, out []byte) (C.jwtmint_result, int) {
		return verifierVerify(p, token, now, out)
	})
}

// VerifyRaw is VerifyRawAt as of the system clock.
func (v *Verifier) VerifyRaw(token string) ([]byte, error) {
	return atNow(func(now int64) ([]byte, error) { return v.VerifyRawAt(token, now) })
}

// VerifyAt verifies token at now (seconds since the Unix epoch) and, once every check has
// passed, returns its claims. Numbers are json.Number, so that no integer loses precision:
// claims["exp"].(json.Number).Int64(). Errors as CheckAt.
func (v *Verifier) VerifyAt(token string, now int64) (map[string]any, error) {
	payload, err := v.VerifyRawAt(token, now)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	var claims map[string]any
	// The library has already checked that the payload is one JSON object.
	if err := dec.Decode(&claims); err != nil {
		return nil, causedError(C.JWTMINT_CLAIMS_TYPE, err)
	}
	return claims, nil
}

// Verify is VerifyAt as of the system clock.
func (v *Verifier) Verify(token string) (map[string]any, error) {
	return atNow(func(now int64) (map[string]any, error) { return v.VerifyAt(token, now) })
}

// VerifyIntoAt verifies token at now and, once every check has passed, decodes its claims
// into out (a pointer, as for json.Unmarshal). Errors as CheckAt, and ErrClaimsType when the
// claims do not fit out (errors.Unwrap gives encoding/json's error); out is then not to be
// relied on.
func (v *Verifier) VerifyIntoAt(token string, now int64, out any) error {
	payload, err := v.VerifyRawAt(token, now)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(payload, out); err != nil {
		return causedError(C.JWTMINT_CLAIMS_TYPE, err)
	}
	return nil
}

// VerifyInto is VerifyIntoAt as of the system clock.
func (v *Verifier) VerifyInto(token string, out any) error {
	return atNowErr(func(now int64) error { return v.VerifyIntoAt(token, now, out) })
}
