package jwtmint

// Shims for the calls made on every token; they only move values, every check stays in the
// library. Two allocations per call are saved:
//   - the C functions that write into a caller's buffer report the length written through an
//     out-pointer, and a pointer passed to C escapes to the heap; the shims keep the length
//     in C and return it with the result code, by value;
//   - cgo checks every argument that might point into Go memory, a pointer to an opaque C
//     type among them, and that check boxes such a pointer into an interface (an 8-byte
//     allocation); the shims take the handle as a uintptr_t, which needs no check.

/*
#include <jwtmint.h>

typedef struct {
	jwtmint_result rc;
	size_t len;
} jwtmint_go_out;

// The body of a shim: call, with &r.len as its last argument, into r, returned by value.
#define JWTMINT_GO_OUT(call) { jwtmint_go_out r = {0, 0}; r.rc = call; return r; }

static jwtmint_go_out jwtmint_go_api_minter_mint(uintptr_t minter, int64_t now, uint8_t *out, size_t cap)
JWTMINT_GO_OUT(jwtmint_api_minter_mint((const jwtmint_api_minter *)minter, now, out, cap, &r.len))

static jwtmint_go_out jwtmint_go_mint_api_token(uintptr_t key, const uint8_t *api_key, size_t api_key_len,
	int64_t now, uint64_t skew, uint64_t ttl, uint8_t *out, size_t cap)
JWTMINT_GO_OUT(jwtmint_mint_api_token((const jwtmint_key *)key, api_key, api_key_len, now, skew, ttl, out, cap, &r.len))

static jwtmint_go_out jwtmint_go_mint_json(uintptr_t key, const uint8_t *claims, size_t claims_len, uint8_t *out,
	size_t cap)
JWTMINT_GO_OUT(jwtmint_mint_json((const jwtmint_key *)key, claims, claims_len, out, cap, &r.len))

static jwtmint_go_out jwtmint_go_verifier_verify(uintptr_t verifier, const uint8_t *token, size_t token_len,
	int64_t now, uint8_t *out, size_t cap)
JWTMINT_GO_OUT(jwtmint_verifier_verify((const jwtmint_verifier *)verifier, token, token_len, now, out, cap, &r.len))

static jwtmint_go_out jwtmint_go_api_token_cache_token(uintptr_t cache, int64_t now, uint8_t *out, size_t cap)
JWTMINT_GO_OUT(jwtmint_api_token_cache_token((const jwtmint_api_token_cache *)cache, now, out, cap, &r.len))

static jwtmint_result jwtmint_go_verifier_check(uintptr_t verifier, const uint8_t *token, size_t token_len,
	int64_t now) {
	return jwtmint_verifier_check((const jwtmint_verifier *)verifier, token, token_len, now);
}
*/
import "C"

import "unsafe"

// outCall is one call of a C function that writes into out: its result code and the length
// written (or, for JWTMINT_BUFFER_TOO_SMALL, needed).
type outCall func(out []byte) (C.jwtmint_result, int)

// callWithBuffer runs call with a buffer of guess bytes and, when the C library answers
// JWTMINT_BUFFER_TOO_SMALL with the length it needs, once more with a buffer of that length.
// It returns the bytes written.
func callWithBuffer(guess int, call outCall) ([]byte, error) {
	buf := make([]byte, guess)
	rc, n := call(buf)
	if rc == C.JWTMINT_BUFFER_TOO_SMALL {
		buf = make([]byte, n)
		rc, n = call(buf)
	}
	if rc != C.JWTMINT_OK {
		return nil, codeError(rc)
	}
	return buf[:n], nil
}

// useBuffer is use for a C function that writes into a buffer: callWithBuffer with the object
// under the read lock.
func useBuffer[T any](h *handle[T], guess int, call func(p *T, out []byte) (C.jwtmint_result, int)) ([]byte, error) {
	return use(h, func(p *T) ([]byte, error) {
		return callWithBuffer(guess, func(out []byte) (C.jwtmint_result, int) { return call(p, out) })
	})
}

// useText is useBuffer for text (a token, a signature): the buffer becomes the string, without
// a copy.
func useText[T any](h *handle[T], guess int, call func(p *T, out []byte) (C.jwtmint_result, int)) (string, error) {
	out, err := useBuffer(h, guess, call)
	return bytesToString(out), err
}

// withLen is a call of a C function that reports the length through an out-pointer (those
// not on the per-token path, which have no shim).
func withLen(call func(n *C.size_t) C.jwtmint_result) (C.jwtmint_result, int) {
	var n C.size_t
	rc := call(&n)
	return rc, int(n)
}

func outResult(r C.jwtmint_go_out) (C.jwtmint_result, int) { return r.rc, int(r.len) }

// handleArg passes a pointer to a C object as the integer the shims take. The object is C
// memory, which the Go collector neither moves nor frees.
func handleArg[T any](p *T) C.uintptr_t { return C.uintptr_t(uintptr(unsafe.Pointer(p))) }

func apiMinterMint(m *C.jwtmint_api_minter, now int64, out []byte) (C.jwtmint_result, int) {
	return outResult(C.jwtmint_go_api_minter_mint(handleArg(m), C.int64_t(now), bytesPtr(out), C.size_t(len(out))))
}

func mintAPIToken(k *C.jwtmint_key, apiKey string, now int64, c minterConfig, out []byte) (C.jwtmint_result, int) {
	return outResult(C.jwtmint_go_mint_api_token(handleArg(k), stringPtr(apiKey), C.size_t(len(apiKey)),
		C.int64_t(now), C.uint64_t(c.skew), C.uint64_t(c.ttl), bytesPtr(out), C.size_t(len(out))))
}

func mintJSONInto(k *C.jwtmint_key, claims []byte, out []byte) (C.jwtmint_result, int) {
	return outResult(C.jwtmint_go_mint_json(handleArg(k), bytesPtr(claims), C.size_t(len(claims)),
		bytesPtr(out), C.size_t(len(out))))
}

func verifierVerify(v *C.jwtmint_verifier, token string, now int64, out []byte) (C.jwtmint_result, int) {
	return outResult(C.jwtmint_go_verifier_verify(handleArg(v), stringPtr(token), C.size_t(len(token)),
		C.int64_t(now), bytesPtr(out), C.size_t(len(out))))
}

func verifierCheck(v *C.jwtmint_verifier, token string, now int64) C.jwtmint_result {
	return C.jwtmint_go_verifier_check(handleArg(v), stringPtr(token), C.size_t(len(token)), C.int64_t(now))
}

func tokenCacheToken(c *C.jwtmint_api_token_cache, now int64, out []byte) (C.jwtmint_result, int) {
	return outResult(C.jwtmint_go_api_token_cache_token(handleArg(c), C.int64_t(now), bytesPtr(out),
		C.size_t(len(out))))
}
