package jwtmint

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// handle owns a pointer to one object of the C library and frees it exactly once.
//
// Every call through the handle holds the read lock while the C library uses the pointer;
// close takes the write lock. So a Close racing with calls on other goroutines waits for them
// and makes later calls fail with ErrClosed: it can never free the object under a running
// call. (Closing a handle that other goroutines still use is a bug in the program, but it must
// not become a use-after-free.) Read locks do not exclude each other: any number of goroutines
// may use one handle at once, as the C library allows for keys, minters and configured
// verifiers.
type handle[T any] struct {
	mu  sync.RWMutex
	ptr *T
}

// liveHandles counts the C objects made and not yet freed; the tests use it to see that
// Close and the finalizers free every object exactly once.
var liveHandles atomic.Int64

func (h *handle[T]) set(p *T) {
	h.ptr = p
	liveHandles.Add(1)
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

// close frees the object once; later calls do nothing.
func (h *handle[T]) close(free func(*T)) {
	h.mu.Lock()
	p := h.ptr
	h.ptr = nil
	h.mu.Unlock()
	if p != nil {
		free(p)
		liveHandles.Add(-1)
	}
}

// stringPtr points at the bytes of s for a call that only reads them, without copying; nil
// for the empty string ((NULL, 0) is the C ABI's empty input). Go memory passed to C stays
// put for the duration of the call, and string bytes hold no Go pointers, as cgo requires.
func stringPtr(s string) unsafe.Pointer {
	if len(s) == 0 {
		return nil
	}
	// The first word of a string header is its data pointer (unsafe.StringData is Go 1.20).
	return *(*unsafe.Pointer)(unsafe.Pointer(&s))
}

// bytesPtr is stringPtr for a byte slice.
func bytesPtr(b []byte) unsafe.Pointer {
	if len(b) == 0 {
		return nil
	}
	return unsafe.Pointer(&b[0])
}

// bytesToString turns a buffer the caller will never touch again into a string without
// copying it (as strings.Builder does; unsafe.String is Go 1.20).
func bytesToString(b []byte) string {
	return *(*string)(unsafe.Pointer(&b))
}
