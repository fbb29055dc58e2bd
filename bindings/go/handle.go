package jwtmint

// #include <jwtmint.h>
import "C"

import (
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
)

// handle owns a pointer to one object of the C library and frees it exactly once: through
// close (every type's Close), or through the finalizer once the handle is unreachable. Every
// exported type (Key, APITokenMinter, APITokenCache, Verifier, VideoSDKVerifier, Webhook) is a
// *handle and what it needs besides.
//
// Every call through the handle holds the read lock while the C library uses the pointer (use);
// close takes the write lock. So a Close racing with calls on other goroutines waits for them
// and makes later calls fail with ErrClosed: it can never free the object under a running
// call. (Closing a handle that other goroutines still use is a bug in the program, but it must
// not become a use-after-free.) Read locks do not exclude each other: any number of goroutines
// may use one handle at once, as the C library allows for keys, minters and configured
// verifiers. The finalizer sits on the handle itself, which use keeps reachable until its
// deferred release: the object cannot be finalized during a call even when the exported value
// holding the handle is no longer used.
type handle[T any] struct {
	mu   sync.RWMutex
	ptr  *T
	free func(*T)
}

// liveHandles counts the C objects made and not yet freed; the tests use it to see that
// Close and the finalizers free every object exactly once.
var liveHandles atomic.Int64

// own takes charge of p, an object a C constructor has just made, which free releases.
func own[T any](p *T, free func(*T)) *handle[T] {
	h := &handle[T]{ptr: p, free: free}
	liveHandles.Add(1)
	runtime.SetFinalizer(h, (*handle[T]).close)
	return h
}

// made is the handle of the object a C constructor wrote to p, or its error when rc is not
// JWTMINT_OK (p is then not written).
func made[T any](rc C.jwtmint_result, p *T, free func(*T)) (*handle[T], error) {
	if rc != C.JWTMINT_OK {
		return nil, codeError(rc)
	}
	return own(p, free), nil
}

// acquire returns the pointer with the read lock held, or ok == false (and no lock) when the
// handle is closed or nil. Every successful acquire is paired with release.
func (h *handle[T]) acquire() (p *T, ok bool) {
	if h == nil {
		return nil, false
	}
	h.mu.RLock()
	if h.ptr == nil {
		h.mu.RUnlock()
		return nil, false
	}
	return h.ptr, true
}

func (h *handle[T]) release() { h.mu.RUnlock() }

// close frees the object once; later calls, and calls on a nil handle, do nothing. It always
// returns nil, as every Close does.
func (h *handle[T]) close() error {
	if h == nil {
		return nil
	}
	h.mu.Lock()
	p := h.ptr
	h.ptr = nil
	h.mu.Unlock()
	if p != nil {
		runtime.SetFinalizer(h, nil)
		h.free(p)
		liveHandles.Add(-1)
	}
	return nil
}

// use runs call with the object under the read lock, or returns ErrClosed when h is closed or
// nil.
func use[T, R any](h *handle[T], call func(*T) (R, error)) (R, error) {
	p, ok := h.acquire()
	if !ok {
		var zero R
		return zero, ErrClosed
	}
	defer h.release()
	return call(p)
}

// useResult is use for a C function that only returns a result code.
func useResult[T any](h *handle[T], call func(*T) C.jwtmint_result) error {
	_, err := use(h, func(p *T) (struct{}, error) { return struct{}{}, resultError(call(p)) })
	return err
}

// stringPtr points at the bytes of s for a call that only reads them, without copying; nil
// for the empty string ((NULL, 0) is the C ABI's empty input). Go memory passed to C stays
// put for the duration of the call, and string bytes hold no Go pointers, as cgo requires.
func stringPtr(s string) *C.uint8_t {
	if len(s) == 0 {
		return nil
	}
	// The first word of a string header is its data pointer (unsafe.StringData is Go 1.20).
	return *(**C.uint8_t)(unsafe.Pointer(&s))
}

// bytesPtr is stringPtr for a byte slice.
func bytesPtr(b []byte) *C.uint8_t {
	if len(b) == 0 {
		return nil
	}
	return (*C.uint8_t)(unsafe.Pointer(&b[0]))
}

// bytesToString turns a buffer the caller will never touch again into a string without
// copying it (as strings.Builder does; unsafe.String is Go 1.20).
func bytesToString(b []byte) string {
	return *(*string)(unsafe.Pointer(&b))
}
