package jwtmint

// #include <jwtmint.h>
import "C"

import (
	"runtime"
	"time"
)

// DefaultRefreshMargin is how long before a cached token's exp an APITokenCache mints a new
// one, by default.
const DefaultRefreshMargin = C.JWTMINT_DEFAULT_REFRESH_MARGIN * time.Second

// CacheOption changes a setting of an APITokenCache from its default.
type CacheOption struct {
	apply func(*uint64) error
}

// WithRefreshMargin sets how long before a token's exp the cache mints a new one (default
// DefaultRefreshMargin, 60 s). Whole seconds, not negative.
func WithRefreshMargin(d time.Duration) CacheOption {
	return CacheOption{func(margin *uint64) (err error) {
		*margin, err = wholeSeconds("refresh margin", d)
		return err
	}}
}

// APITokenCache hands out the current Zoom API token of one minter, minting a new one only
// when the cached one is within the refresh margin of its exp. Many goroutines may ask one
// cache at once; when the token is stale, one of them mints while the others wait for its
// token. Close releases it; one that is not closed is released by a finalizer once it is
// unreachable.
type APITokenCache struct {
	h      handle[C.jwtmint_api_token_cache]
	maxLen int
}

// NewAPITokenCache makes a cache over a copy of minter (same API key, key, skew and TTL): the
// minter may be closed afterwards.
//
// Errors: ErrClosed for a closed minter; ErrInvalidArgument when the minter's skew plus the
// refresh margin is not less than its TTL (every token would be stale at once).
func NewAPITokenCache(minter *APITokenMinter, opts ...CacheOption) (*APITokenCache, error) {
	margin := uint64(C.JWTMINT_DEFAULT_REFRESH_MARGIN)
	for _, opt := range opts {
		if opt.apply == nil {
			return nil, argumentError("a zero CacheOption")
		}
		if err := opt.apply(&margin); err != nil {
			return nil, err
		}
	}
	if minter == nil {
		return nil, ErrClosed
	}
	mp, ok := minter.h.acquire()
	if !ok {
		return nil, ErrClosed
	}
	var p *C.jwtmint_api_token_cache
	rc := C.jwtmint_api_token_cache_new(mp, C.uint64_t(margin), &p)
	minter.h.release()
	if rc != C.JWTMINT_OK {
		return nil, codeError(rc)
	}
	c := &APITokenCache{maxLen: minter.maxLen}
	c.h.set(p)
	runtime.SetFinalizer(c, (*APITokenCache).Close)
	return c, nil
}

// TokenAt returns the token to use at now (seconds since the Unix epoch): the cached one
// while it is fresh, else a new one, which is cached.
//
// Errors: ErrClosed; ErrTimeOverflow when minting at now overflows (nothing is cached).
func (c *APITokenCache) TokenAt(now int64) (string, error) {
	if c == nil {
		return "", ErrClosed
	}
	p, ok := c.h.acquire()
	if !ok {
		return "", ErrClosed
	}
	defer c.h.release()
	// A buffer of the minter's longest token always suffices; the retry is for safety.
	token, err := callWithBuffer(c.maxLen, func(out []byte) (C.jwtmint_result, int) {
		return tokenCacheToken(p, now, out)
	})
	return bytesToString(token), err
}

// Token is TokenAt as of the system clock.
func (c *APITokenCache) Token() (string, error) {
	now, err := Now()
	if err != nil {
		return "", err
	}
	return c.TokenAt(now)
}

// Clear forgets the cached token (for example after Zoom refused it), so that the next Token
// mints a new one. Safe while other goroutines ask for the token.
func (c *APITokenCache) Clear() error {
	if c == nil {
		return ErrClosed
	}
	p, ok := c.h.acquire()
	if !ok {
		return ErrClosed
	}
	defer c.h.release()
	return resultError(C.jwtmint_api_token_cache_clear(p))
}

// MintCount is how many tokens the cache has minted so far (0 once closed).
func (c *APITokenCache) MintCount() uint64 {
	if c == nil {
		return 0
	}
	p, ok := c.h.acquire()
	if !ok {
		return 0
	}
	defer c.h.release()
	return uint64(C.jwtmint_api_token_cache_mint_count(p))
}

// Close releases the cache. Later uses return ErrClosed; closing again does nothing. It
// waits for calls on other goroutines to finish. Always returns nil.
func (c *APITokenCache) Close() error {
	if c == nil {
		return nil
	}
	runtime.SetFinalizer(c, nil)
	c.h.close(func(p *C.jwtmint_api_token_cache) { C.jwtmint_api_token_cache_free(p) })
	return nil
}
