package jwtmint

// #include <jwtmint.h>
import "C"

import (
	"runtime"
	"time"
)

// The HTTP headers of a Zoom webhook request that Webhook checks.
const (
	// HeaderSignature carries "v0=" and the hex HMAC-SHA256 of "v0:<timestamp>:<body>".
	HeaderSignature = "x-zm-signature"
	// HeaderTimestamp carries the request's time, in seconds since the Unix epoch.
	HeaderTimestamp = "x-zm-request-timestamp"
)

// DefaultWebhookTolerance is how far a request's timestamp may be from now, either way,
// by default.
const DefaultWebhookTolerance = C.JWTMINT_DEFAULT_WEBHOOK_TOLERANCE * time.Second

// WebhookOption changes a setting of a Webhook from its default.
type WebhookOption struct {
	apply func(*uint64) error
}

// WithTolerance sets how far a request's timestamp may be from now, either way (default
// DefaultWebhookTolerance, 300 s). Replayed requests are accepted within this window: keep it
// short. Whole seconds, not negative.
func WithTolerance(d time.Duration) WebhookOption {
	return WebhookOption{func(seconds *uint64) (err error) {
		*seconds, err = wholeSeconds("tolerance", d)
		return err
	}}
}

// Webhook checks Zoom webhook requests for one app's webhook secret token: the signature
// header (in constant time) and the timestamp header, and answers the
// endpoint.url_validation challenge. Its settings are fixed when it is made, so it is safe
// for use by many goroutines at once. Close wipes and releases it; one that is not closed is
// released by a finalizer once it is unreachable.
type Webhook struct {
	h handle[C.jwtmint_webhook]
}

// NewWebhook makes a Webhook from the app's webhook secret token, as Zoom shows it (any
// length but 0). The caller may wipe secretToken afterwards.
//
// Errors: ErrEmptySecret; ErrInvalidArgument for an option out of range.
func NewWebhook(secretToken string, opts ...WebhookOption) (*Webhook, error) {
	tolerance := uint64(C.JWTMINT_DEFAULT_WEBHOOK_TOLERANCE)
	for _, opt := range opts {
		if opt.apply == nil {
			return nil, argumentError("a zero WebhookOption")
		}
		if err := opt.apply(&tolerance); err != nil {
			return nil, err
		}
	}
	var p *C.jwtmint_webhook
	rc := C.jwtmint_webhook_new((*C.uint8_t)(stringPtr(secretToken)), C.size_t(len(secretToken)), &p)
	if rc != C.JWTMINT_OK {
		return nil, codeError(rc)
	}
	if rc := C.jwtmint_webhook_set_tolerance(p, C.uint64_t(tolerance)); rc != C.JWTMINT_OK {
		C.jwtmint_webhook_free(p)
		return nil, codeError(rc)
	}
	w := &Webhook{}
	w.h.set(p)
	runtime.SetFinalizer(w, (*Webhook).Close)
	return w, nil
}

// VerifyAt checks a request at now (seconds since the Unix epoch): timestamp is its
// x-zm-request-timestamp header, body its raw body exactly as received, signature its
// x-zm-signature header. It returns the request's timestamp.
//
// Errors, the first check that failed: ErrWebhookTimestampMalformed;
// ErrWebhookSignaturePrefix, ErrWebhookSignatureLength, ErrWebhookSignatureEncoding;
// ErrWebhookSignatureMismatch; ErrWebhookTimestampOutOfTolerance. ErrClosed.
func (w *Webhook) VerifyAt(timestamp string, body []byte, signature string, now int64) (uint64, error) {
	if w == nil {
		return 0, ErrClosed
	}
	p, ok := w.h.acquire()
	if !ok {
		return 0, ErrClosed
	}
	defer w.h.release()
	var ts C.uint64_t
	rc := C.jwtmint_webhook_verify(p, (*C.uint8_t)(stringPtr(timestamp)), C.size_t(len(timestamp)),
		(*C.uint8_t)(bytesPtr(body)), C.size_t(len(body)),
		(*C.uint8_t)(stringPtr(signature)), C.size_t(len(signature)), C.int64_t(now), &ts)
	if rc != C.JWTMINT_OK {
		return 0, codeError(rc)
	}
	return uint64(ts), nil
}

// Verify is VerifyAt as of the system clock.
func (w *Webhook) Verify(timestamp string, body []byte, signature string) (uint64, error) {
	now, err := Now()
	if err != nil {
		return 0, err
	}
	return w.VerifyAt(timestamp, body, signature, now)
}

// URLValidationAt answers Zoom's endpoint.url_validation challenge at now: it checks the
// request as VerifyAt does, reads the body strictly, and returns the response body
// {"plainToken":"…","encryptedToken":"<hex HMAC-SHA256 of plainToken>"}, to send with
// status 200 and Content-Type application/json.
//
// Errors: those of VerifyAt; ErrWebhookBodyMalformed; ErrUnexpectedWebhookEvent (another
// event); ErrInvalidPlainToken.
func (w *Webhook) URLValidationAt(timestamp string, body []byte, signature string, now int64) ([]byte, error) {
	if w == nil {
		return nil, ErrClosed
	}
	p, ok := w.h.acquire()
	if !ok {
		return nil, ErrClosed
	}
	defer w.h.release()
	// plainToken is copied from the body, so a response is never much longer than it.
	return callWithBuffer(len(body)+100, func(out []byte) (C.jwtmint_result, int) {
		var n C.size_t
		rc := C.jwtmint_webhook_url_validation(p, (*C.uint8_t)(stringPtr(timestamp)), C.size_t(len(timestamp)),
			(*C.uint8_t)(bytesPtr(body)), C.size_t(len(body)),
			(*C.uint8_t)(stringPtr(signature)), C.size_t(len(signature)), C.int64_t(now),
			(*C.uint8_t)(bytesPtr(out)), C.size_t(len(out)), &n)
		return rc, int(n)
	})
}

// URLValidation is URLValidationAt as of the system clock.
func (w *Webhook) URLValidation(timestamp string, body []byte, signature string) ([]byte, error) {
	now, err := Now()
	if err != nil {
		return nil, err
	}
	return w.URLValidationAt(timestamp, body, signature, now)
}

// Sign returns the x-zm-signature value of a request with this timestamp and raw body ("v0="
// and 64 lower-case hex digits), for test harnesses and webhook senders.
func (w *Webhook) Sign(timestamp uint64, body []byte) (string, error) {
	if w == nil {
		return "", ErrClosed
	}
	p, ok := w.h.acquire()
	if !ok {
		return "", ErrClosed
	}
	defer w.h.release()
	sig, err := callWithBuffer(C.JWTMINT_WEBHOOK_SIGNATURE_LEN, func(out []byte) (C.jwtmint_result, int) {
		var n C.size_t
		rc := C.jwtmint_webhook_sign(p, C.uint64_t(timestamp), (*C.uint8_t)(bytesPtr(body)), C.size_t(len(body)),
			(*C.uint8_t)(bytesPtr(out)), C.size_t(len(out)), &n)
		return rc, int(n)
	})
	return bytesToString(sig), err
}

// Close wipes the key material and releases the Webhook. Later uses return ErrClosed;
// closing again does nothing. Always returns nil.
func (w *Webhook) Close() error {
	if w == nil {
		return nil
	}
	runtime.SetFinalizer(w, nil)
	w.h.close(func(p *C.jwtmint_webhook) { C.jwtmint_webhook_free(p) })
	return nil
}
