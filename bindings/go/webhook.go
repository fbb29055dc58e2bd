package jwtmint

// #include <jwtmint.h>
import "C"

import "time"

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
	setting[uint64]
}

// WithTolerance sets how far a request's timestamp may be from now, either way (default
// DefaultWebhookTolerance, 300 s). Replayed requests are accepted within this window: keep it
// short. Whole seconds, not negative.
func WithTolerance(d time.Duration) WebhookOption {
	return WebhookOption{secondsSetting("tolerance", d, itself)}
}

// Webhook checks Zoom webhook requests for one app's webhook secret token: the signature
// header (in constant time) and the timestamp header, and answers the
// endpoint.url_validation challenge. Its settings are fixed when it is made, so it is safe
// for use by many goroutines at once. Close wipes and releases it; one that is not closed is
// released by a finalizer once it is unreachable.
type Webhook struct {
	h *handle[C.jwtmint_webhook]
}

// NewWebhook makes a Webhook from the app's webhook secret token, as Zoom shows it (any
// length but 0). The caller may wipe secretToken afterwards.
//
// Errors: ErrEmptySecret; ErrInvalidArgument for an option out of range.
func NewWebhook(secretToken string, opts ...WebhookOption) (*Webhook, error) {
	tolerance, err := settings(uint64(C.JWTMINT_DEFAULT_WEBHOOK_TOLERANCE), opts)
	if err != nil {
		return nil, err
	}
	var p *C.jwtmint_webhook
	rc := C.jwtmint_webhook_new(stringPtr(secretToken), C.size_t(len(secretToken)), &p)
	h, err := made(rc, p, func(p *C.jwtmint_webhook) { C.jwtmint_webhook_free(p) })
	if err != nil {
		return nil, err
	}
	// Before the Webhook is shared: the setter is not thread-safe.
	if err := resultError(C.jwtmint_webhook_set_tolerance(p, C.uint64_t(tolerance))); err != nil {
		h.close()
		return nil, err
	}
	return &Webhook{h}, nil
}

// VerifyAt checks a request at now (seconds since the Unix epoch): timestamp is its
// x-zm-request-timestamp header, body its raw body exactly as received, signature its
// x-zm-signature header. It returns the request's timestamp.
//
// Errors, the first check that failed: ErrWebhookTimestampMalformed;
// ErrWebhookSignaturePrefix, ErrWebhookSignatureLength, ErrWebhookSignatureEncoding;
// ErrWebhookSignatureMismatch; ErrWebhookTimestampOutOfTolerance. ErrClosed.
func (w *Webhook) VerifyAt(timestamp string, body []byte, signature string, now int64) (uint64, error) {
	return use(w.handle(), func(p *C.jwtmint_webhook) (uint64, error) {
		var ts C.uint64_t
		rc := C.jwtmint_webhook_verify(p, stringPtr(timestamp), C.size_t(len(timestamp)), bytesPtr(body),
			C.size_t(len(body)), stringPtr(signature), C.size_t(len(signature)), C.int64_t(now), &ts)
		return uint64(ts), resultError(rc)
	})
}

// Verify is VerifyAt as of the system clock.
func (w *Webhook) Verify(timestamp string, body []byte, signature string) (uint64, error) {
	return atNow(func(now int64) (uint64, error) { return w.VerifyAt(timestamp, body, signature, now) })
}

// URLValidationAt answers Zoom's endpoint.url_validation challenge at now: it checks the
// request as VerifyAt does, reads the body strictly, and returns the response body
// {"plainToken":"…","encryptedToken":"<hex HMAC-SHA256 of plainToken>"}, to send with
// status 200 and Content-Type application/json.
//
// Errors: those of VerifyAt; ErrWebhookBodyMalformed; ErrUnexpectedWebhookEvent (another
// event); ErrInvalidPlainToken.
func (w *Webhook) URLValidationAt(timestamp string, body []byte, signature string, now int64) ([]byte, error) {
	// plainToken is copied from the body, so a response is never much longer than it.
	return useBuffer(w.handle(), len(body)+100, func(p *C.jwtmint_webhook, out []byte) (C.jwtmint_result, int) {
		return withLen(func(n *C.size_t) C.jwtmint_result {
			return C.jwtmint_webhook_url_validation(p, stringPtr(timestamp), C.size_t(len(timestamp)),
				bytesPtr(body), C.size_t(len(body)), stringPtr(signature), C.size_t(len(signature)),
				C.int64_t(now), bytesPtr(out), C.size_t(len(out)), n)
		})
	})
}

// URLValidation is URLValidationAt as of the system clock.
func (w *Webhook) URLValidation(timestamp string, body []byte, signature string) ([]byte, error) {
	return atNow(func(now int64) ([]byte, error) { return w.URLValidationAt(timestamp, body, signature, now) })
}

// Sign returns the x-zm-signature value of a request with this timestamp and raw body ("v0="
// and 64 lower-case hex digits), for test harnesses and webhook senders.
func (w *Webhook) Sign(timestamp uint64, body []byte) (string, error) {
	return useText(w.handle(), C.JWTMINT_WEBHOOK_SIGNATURE_LEN, func(p *C.jwtmint_webhook, out []byte) (C.jwtmint_result, int) {
		return withLen(func(n *C.size_t) C.jwtmint_result {
			return C.jwtmint_webhook_sign(p, C.uint64_t(timestamp), bytesPtr(body), C.size_t(len(body)),
				bytesPtr(out), C.size_t(len(out)), n)
		})
	})
}

// Close wipes the key material and releases the Webhook. Later uses return ErrClosed;
// closing again does nothing. Always returns nil.
func (w *Webhook) Close() error { return w.handle().close() }

// handle is nil for a nil *Webhook, which every use then reports as ErrClosed.
func (w *Webhook) handle() *handle[C.jwtmint_webhook] {
	if w == nil {
		return nil
	}
	return w.h
}
