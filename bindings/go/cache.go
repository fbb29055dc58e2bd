package jwtmint

// #include <jwtmint.h>
import "C"

import "time"

// DefaultRefreshMargin is how long before a cached token's exp an APITokenCache mints a new
// one, by default.
const DefaultRefreshMargin = C.JWTMINT_DEFAULT_REFRESH_MARGIN * time.Second

// CacheOption changes a setting of an APITokenCache from its default.
type CacheOption struct {
	setting[uint64]
}

// WithRefreshMargin sets how long before a token's exp the cache mints a new one (default
// DefaultRefreshMargin, 60 s). Whole seconds, not negative.
func WithRefreshMargin(d time.Duration) CacheOption {
	return CacheOption{secondsSetting("refresh margin", d, itself)}
}

// APITokenCache hands out the current Zoom API token of one minter, minting a new one only
// when the cached one is within the refresh margin of its exp. Many goroutines may ask one
// cache at once; when the token is stale, one of them mints while the others wait for its
// token. Close releases it; one that is not closed is released by a finalizer once it is
// unreachable.
type APITokenCache struct {
	h      *handle[C.jwtmint_api_token_cache]
	maxLen int
}

// NewAPITokenCache makes a cache over a copy of minter (same API key, key, skew and TTL): the
// minter may be closed afterwards.
//
// Errors: ErrClosed for a closed minter; ErrInvalidArgument when the minter's skew plus the
// refresh margin is not less than its TTL (every token would be stale at once).
func NewAPITokenCache(minter *APITokenMinter, opts ...CacheOption) (*APITokenCache, error) {
	margin, err := settings(uint64(C.JWTMINT_DEFAULT_REFRESH_MARGIN), opts)
	if err != nil {
		return nil, err
	}
	h, err := use(minter.handle(), func(mp *C.jwtmint_api_minter) (*handle[C.jwtmint_api_token_cache], error) {
		var p *C.jwtmint_api_token_cache
		rc := C.jwtmint_api_token_cache_new(mp, C.uint64_t(margin), &p)
		return made(rc, p, func(p *C.jwtmint_api_token_cache) { C.jwtmint_api_token_cache_free(p) })
	})
	if err != nil {
		return nil, err
	}
	return &APITokenCache{h, minter.maxLen}, nil
}

// TokenAt returns the token to use at now (seconds since the Unix epoch): the cached one
// while it is fresh, else a new one, which is cached.
//
// Errors: ErrClosed; ErrTimeOverflow when minting at now overflows (nothing is cached).
func (c *APITokenCache) TokenAt(now int64) (string, error) {
	if c == nil { // c.maxLen is read first
		return "", ErrClosed
	}
	// A buffer of the minter's longest token always suffices; the retry is for safety.
	return useText(c.handle(), c.maxLen, func(p *C.jwtmint_api_token_cache, out []byte) (C.jwtmint_result, int) {
		return tokenCacheToken(p, now, out)
	})
}

// Token is TokenAt as of the system clock.
func (c *APITokenCache) Token() (string, error) {
	return atNow(c.TokenAt)
}

// Clear forgets the cached token (for example after Zoom refused it), so that the next Token
// mints a new one. Safe while other goroutines ask for the token.
func (c *APITokenCache) Clear() error {
	return useResult(c.handle(), func(p *C.jwtmint_api_token_cache) C.jwtmint_result {
		return C.jwtmint_api_token_cache_clear(p)
	})
}

// MintCount is how many tokens the cache has minted so far (0 once closed).
func (c *APITokenCache) MintCount() uint64 {
	count, _ := use(c.handle(), func(p *C.jwtmint_api_token_cache) (uint64, error) {
		return uint64(C.jwtmint_api_token_cache_mint_count(p)), nil
	})
	return count
}

// Close releases the cache. Later uses return ErrClosed; closing again does nothing. It
// waits for calls on other goroutines to finish. Always returns nil.
func (c *APITokenCache) Close() error { return c.handle().close() }

// handle is nil for a nil *APITokenCache, which every use then reports as ErrClosed.
func (c *APITokenCache) handle() *handle[C.jwtmint_api_token_cache] {
	if c == nil {
		return nil
	}
	return c.h
}
