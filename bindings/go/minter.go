package jwtmint

// #include <jwtmint.h>
import "C"

import "time"

// DefaultSkew is how far iat is backdated by default, as in Zoom's sample: it absorbs clock
// differences between this host and Zoom's.
const DefaultSkew = C.JWTMINT_DEFAULT_SKEW * time.Second

// DefaultTTL is the default token lifetime (exp - iat): one hour, the longest Zoom suggests.
const DefaultTTL = C.JWTMINT_DEFAULT_TTL * time.Second

// MinterOption sets how APITokenMinter and MintAPIToken compute iat and exp.
type MinterOption struct {
	setting[minterConfig]
}

type minterConfig struct {
	skew, ttl uint64
}

// WithSkew sets how far iat is backdated from now (default DefaultSkew, 30 s). Whole seconds,
// not negative; it must be shorter than the TTL.
func WithSkew(d time.Duration) MinterOption {
	return MinterOption{secondsSetting("skew", d, func(c *minterConfig) *uint64 { return &c.skew })}
}

// WithTTL sets the token lifetime, exp - iat (default DefaultTTL, one hour). Whole seconds,
// more than zero.
func WithTTL(d time.Duration) MinterOption {
	return MinterOption{secondsSetting("ttl", d, func(c *minterConfig) *uint64 { return &c.ttl })}
}

func minterSettings(opts []MinterOption) (minterConfig, error) {
	return settings(minterConfig{skew: C.JWTMINT_DEFAULT_SKEW, ttl: C.JWTMINT_DEFAULT_TTL}, opts)
}

// APITokenMinter mints Zoom API JWTs for one API key and secret: header
// {"alg":"HS256","typ":"JWT"} and payload {"iss":"<api key>","iat":<now - skew>,"exp":<iat +
// ttl>}, byte-identical to the token of Zoom's Node.js sample for the same inputs. The
// header, the start of the payload and the HMAC state over them are computed once, here.
//
// An APITokenMinter is safe for use by many goroutines at once. Close releases it; one that
// is not closed is released by a finalizer once it is unreachable.
type APITokenMinter struct {
	h      *handle[C.jwtmint_api_minter]
	maxLen int // the longest token it can mint: one buffer of this size always suffices
}

// NewAPITokenMinter makes a minter for the API key (the token's iss) under key, with
// WithSkew and WithTTL to change the defaults. The key may be closed afterwards.
//
// Errors: ErrClosed for a closed key; ErrInvalidUTF8 when apiKey is not UTF-8;
// ErrInvalidArgument when apiKey is empty or the TTL is zero or an option is out of range.
func NewAPITokenMinter(key *Key, apiKey string, opts ...MinterOption) (*APITokenMinter, error) {
	c, err := minterSettings(opts)
	if err != nil {
		return nil, err
	}
	h, err := use(key.handle(), func(kp *C.jwtmint_key) (*handle[C.jwtmint_api_minter], error) {
		var p *C.jwtmint_api_minter
		rc := C.jwtmint_api_minter_new(kp, stringPtr(apiKey), C.size_t(len(apiKey)), C.uint64_t(c.skew),
			C.uint64_t(c.ttl), &p)
		return made(rc, p, func(p *C.jwtmint_api_minter) { C.jwtmint_api_minter_free(p) })
	})
	if err != nil {
		return nil, err
	}
	return &APITokenMinter{h, int(C.jwtmint_api_minter_max_token_len(h.ptr))}, nil
}

// Mint mints a token as of the system clock.
//
// Errors: ErrClosed; ErrInvalidArgument when the skew is not shorter than the TTL (every
// token would be born expired); ErrClock; ErrTimeOverflow.
func (m *APITokenMinter) Mint() (string, error) {
	return atNow(m.MintAt)
}

// MintAt mints a token as of now (seconds since the Unix epoch): iat = now - skew, exp = iat
// + ttl. Errors as Mint, with ErrTimeOverflow when those overflow 64 bits.
func (m *APITokenMinter) MintAt(now int64) (string, error) {
	return use(m.handle(), func(p *C.jwtmint_api_minter) (string, error) {
		buf := make([]byte, m.maxLen)
		// BUFFER_TOO_SMALL cannot happen: the buffer has the minter's own maximum length.
		rc, n := apiMinterMint(p, now, buf)
		if rc != C.JWTMINT_OK {
			return "", codeError(rc)
		}
		return bytesToString(buf[:n]), nil
	})
}

// Close releases the minter. Later uses return ErrClosed; closing again does nothing. It
// waits for calls using the minter on other goroutines to finish. Always returns nil.
func (m *APITokenMinter) Close() error { return m.handle().close() }

// handle is nil for a nil *APITokenMinter, which every use then reports as ErrClosed.
func (m *APITokenMinter) handle() *handle[C.jwtmint_api_minter] {
	if m == nil {
		return nil
	}
	return m.h
}

// MintAPIToken mints one Zoom API JWT as of the system clock without keeping a minter. Prefer
// an APITokenMinter to mint more than once for the same API key: this redoes the per-key work
// on every call. Options and errors as NewAPITokenMinter and Mint.
func MintAPIToken(key *Key, apiKey string, opts ...MinterOption) (string, error) {
	return atNow(func(now int64) (string, error) { return MintAPITokenAt(key, apiKey, now, opts...) })
}

// MintAPITokenAt is MintAPIToken as of now (seconds since the Unix epoch).
func MintAPITokenAt(key *Key, apiKey string, now int64, opts ...MinterOption) (string, error) {
	// Room for a typical API key's token; a longer one (control characters in the key are
	// escaped as \u00XX) is minted again with the size the library asks for.
	return mintAPITokenAt(key, apiKey, now, opts, 160+2*len(apiKey))
}

// mintAPITokenAt is MintAPITokenAt with a first buffer of guess bytes.
func mintAPITokenAt(key *Key, apiKey string, now int64, opts []MinterOption, guess int) (string, error) {
	c, err := minterSettings(opts)
	if err != nil {
		return "", err
	}
	return useText(key.handle(), guess, func(kp *C.jwtmint_key, out []byte) (C.jwtmint_result, int) {
		return mintAPIToken(kp, apiKey, now, c, out)
	})
}

// Now is the current time from the system clock, in whole seconds since the Unix epoch, as
// the library reads it: the now that Mint and Verify use. ErrClock when the clock reads
// before 1970.
func Now() (int64, error) {
	var now C.int64_t
	if rc := C.jwtmint_now(&now); rc != C.JWTMINT_OK {
		return 0, codeError(rc)
	}
	return int64(now), nil
}

// atNow is call as of the system clock: every method without At is its At form through this.
func atNow[R any](call func(now int64) (R, error)) (R, error) {
	now, err := Now()
	if err != nil {
		var zero R
		return zero, err
	}
	return call(now)
}

// atNowErr is atNow for a call that returns only an error.
func atNowErr(call func(now int64) error) error {
	_, err := atNow(func(now int64) (struct{}, error) { return struct{}{}, call(now) })
	return err
}
