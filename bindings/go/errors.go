package jwtmint

// #include <jwtmint.h>
import "C"

import (
	"errors"
	"strconv"
)

// Error is every error of the library: a stable numeric Code shared with the Rust crate, the
// C ABI and every other binding, its stable snake_case Name ("expired") and a short English
// Message ("the token has expired"). None of them carries key material or claim values.
//
// Test for a kind of error with errors.Is and the sentinel values below, which compare by
// code:
//
//	if errors.Is(err, jwtmint.ErrExpired) { ... }
//
// or get the code with errors.As:
//
//	var e *jwtmint.Error
//	if errors.As(err, &e) { log.Print(e.Code, e.Name) }
type Error struct {
	// Code is the stable number of the error (500 for expired); never 0.
	Code int
	// Name is the stable snake_case name of the code ("expired").
	Name string
	// Message is a short English description of the code ("the token has expired").
	Message string

	detail string // what the binding itself adds, such as which argument was out of range
	cause  error  // the error of encoding/json behind ErrSerialize or ErrClaimsType
}

// Error returns "jwtmint: <message>[: <detail>] [code <code> <name>]".
func (e *Error) Error() string {
	s := "jwtmint: " + e.Message
	if e.detail != "" {
		s += ": " + e.detail
	}
	if e.cause != nil {
		s += ": " + e.cause.Error()
	}
	return s + " [code " + strconv.Itoa(e.Code) + " " + e.Name + "]"
}

// Is reports whether target is an *Error with the same code, so that errors.Is(err,
// ErrExpired) holds for every expired-token error whatever its detail; or the Kind of the
// code, so that errors.Is(err, KindClaims) holds for every rejected claim.
func (e *Error) Is(target error) bool {
	if k, ok := target.(Kind); ok {
		return e != nil && e.Kind() == k
	}
	t, ok := target.(*Error)
	return ok && t != nil && e != nil && t.Code == e.Code
}

// Unwrap returns the error of encoding/json that caused an ErrSerialize or ErrClaimsType
// error, or nil.
func (e *Error) Unwrap() error { return e.cause }

// Kind is the family of an error: the hundreds of its code, as include/jwtmint.h groups the
// codes. Compare with errors.Is(err, KindClaims).
type Kind int

// The kinds of errors.
const (
	// KindInput (1xx): the caller's input: the secret, an argument, the claims to mint.
	KindInput Kind = 1
	// KindMalformed (2xx): the token is not a well-formed compact JWS of JSON objects.
	KindMalformed Kind = 2
	// KindHeader (3xx): the header is not plain HS256.
	KindHeader Kind = 3
	// KindSignature (4xx): the signature does not match.
	KindSignature Kind = 4
	// KindClaims (5xx): the claims were rejected.
	KindClaims Kind = 5
	// KindZoom (6xx): a rule of the Zoom extras (600-619 Video SDK tokens, 620-639 webhooks,
	// 640-659 Meeting SDK tokens).
	KindZoom Kind = 6
	// KindABI (9xx): the C ABI itself (NULL pointer, invalid UTF-8, panic).
	KindABI Kind = 9
)

// Kind is the kind of the error's code.
func (e *Error) Kind() Kind { return Kind(e.Code / 100) }

// Error makes a Kind a target for errors.Is; it is never returned as an error itself.
func (k Kind) Error() string { return "jwtmint: errors of kind " + strconv.Itoa(int(k)) + "xx" }

// ErrClosed is returned when a Key, APITokenMinter or Verifier is used after Close (or is a
// nil pointer). It is not one of the library's numbered codes: the handle never reached it.
var ErrClosed = errors.New("jwtmint: use of a closed or nil handle")

// codeError is a new *Error for a code the C ABI returned, with the library's own name and
// message for it: a copy of the code's sentinel (so no caller can change a sentinel), or for
// a code this package has no sentinel for, one made from the library's text.
func codeError(code C.jwtmint_result) *Error {
	if code < C.jwtmint_result(len(sentinelByCode)) {
		if s := sentinelByCode[code]; s != nil {
			e := *s
			return &e
		}
	}
	return &Error{
		Code:    int(code),
		Name:    C.GoString(C.jwtmint_result_name(code)),
		Message: C.GoString(C.jwtmint_result_str(code)),
	}
}

// sentinelByCode holds the sentinels below by code, so that an error costs one allocation
// rather than three.
var sentinelByCode [1000]*Error

// sentinel makes the sentinel of a code and files it in sentinelByCode.
func sentinel(code C.jwtmint_result) *Error {
	e := codeError(code)
	sentinelByCode[code] = e
	return e
}

// errorForCode is codeError for a Go int (the tests ask the library about every code).
func errorForCode(code int) *Error { return codeError(C.jwtmint_result(code)) }

// resultError is nil for JWTMINT_OK, and otherwise the *Error for the code.
func resultError(code C.jwtmint_result) error {
	if code == C.JWTMINT_OK {
		return nil
	}
	return codeError(code)
}

// argumentError is an ErrInvalidArgument that says which argument, found by the binding
// before anything reached the library.
func argumentError(detail string) error {
	e := codeError(C.JWTMINT_INVALID_ARGUMENT)
	e.detail = detail
	return e
}

// causedError is the *Error for code, wrapping cause: the error of encoding/json behind an
// ErrSerialize or ErrClaimsType.
func causedError(code C.jwtmint_result, cause error) error {
	e := codeError(code)
	e.cause = cause
	return e
}

// One sentinel per code of the C ABI, for errors.Is: Err followed by the code's name in
// CamelCase (JWTMINT_EXPIRED, "expired": ErrExpired). Each is an *Error whose Code comes from
// include/jwtmint.h and whose Name and Message come from the library when the program starts;
// what each code means is documented there and in Message. Only the code is compared.
// ErrBufferTooSmall is never returned (the binding retries with the size asked for);
// ErrNullPointer and ErrPanic would be bugs: please report them.
var (
	ErrEmptySecret           = sentinel(C.JWTMINT_EMPTY_SECRET)
	ErrWeakSecret            = sentinel(C.JWTMINT_WEAK_SECRET)
	ErrInvalidSecretEncoding = sentinel(C.JWTMINT_INVALID_SECRET_ENCODING)
	ErrInvalidArgument       = sentinel(C.JWTMINT_INVALID_ARGUMENT)
	ErrTimeOverflow          = sentinel(C.JWTMINT_TIME_OVERFLOW)
	ErrClock                 = sentinel(C.JWTMINT_CLOCK)
	ErrClaimsNotAnObject     = sentinel(C.JWTMINT_CLAIMS_NOT_AN_OBJECT)
	ErrSerialize             = sentinel(C.JWTMINT_SERIALIZE)
	ErrBufferTooSmall        = sentinel(C.JWTMINT_BUFFER_TOO_SMALL)

	ErrTooLong         = sentinel(C.JWTMINT_TOO_LONG)
	ErrSegmentCount    = sentinel(C.JWTMINT_SEGMENT_COUNT)
	ErrEmptySegment    = sentinel(C.JWTMINT_EMPTY_SEGMENT)
	ErrInvalidBase64   = sentinel(C.JWTMINT_INVALID_BASE64)
	ErrInvalidJSON     = sentinel(C.JWTMINT_INVALID_JSON)
	ErrNotAnObject     = sentinel(C.JWTMINT_NOT_AN_OBJECT)
	ErrDuplicateMember = sentinel(C.JWTMINT_DUPLICATE_MEMBER)

	ErrMissingAlgorithm     = sentinel(C.JWTMINT_MISSING_ALGORITHM)
	ErrUnsupportedAlgorithm = sentinel(C.JWTMINT_UNSUPPORTED_ALGORITHM)
	ErrUnsupportedType      = sentinel(C.JWTMINT_UNSUPPORTED_TYPE)
	ErrCriticalHeader       = sentinel(C.JWTMINT_CRITICAL_HEADER)
	ErrUnsupportedHeader    = sentinel(C.JWTMINT_UNSUPPORTED_HEADER)

	ErrInvalidSignature = sentinel(C.JWTMINT_INVALID_SIGNATURE)

	ErrExpired          = sentinel(C.JWTMINT_EXPIRED)
	ErrNotYetValid      = sentinel(C.JWTMINT_NOT_YET_VALID)
	ErrIssuedInFuture   = sentinel(C.JWTMINT_ISSUED_IN_FUTURE)
	ErrMissingClaim     = sentinel(C.JWTMINT_MISSING_CLAIM)
	ErrMalformedClaim   = sentinel(C.JWTMINT_MALFORMED_CLAIM)
	ErrIssuerMismatch   = sentinel(C.JWTMINT_ISSUER_MISMATCH)
	ErrAudienceMismatch = sentinel(C.JWTMINT_AUDIENCE_MISMATCH)
	ErrClaimsType       = sentinel(C.JWTMINT_CLAIMS_TYPE)

	ErrEmptyField           = sentinel(C.JWTMINT_EMPTY_FIELD)
	ErrFieldTooLong         = sentinel(C.JWTMINT_FIELD_TOO_LONG)
	ErrUnknownGeoRegion     = sentinel(C.JWTMINT_UNKNOWN_GEO_REGION)
	ErrDuplicateGeoRegion   = sentinel(C.JWTMINT_DUPLICATE_GEO_REGION)
	ErrLifetimeOutOfRange   = sentinel(C.JWTMINT_LIFETIME_OUT_OF_RANGE)
	ErrAppKeyMismatch       = sentinel(C.JWTMINT_APP_KEY_MISMATCH)
	ErrInvalidVideoSDKClaim = sentinel(C.JWTMINT_INVALID_VIDEO_SDK_CLAIM)

	ErrWebhookTimestampMalformed      = sentinel(C.JWTMINT_WEBHOOK_TIMESTAMP_MALFORMED)
	ErrWebhookTimestampOutOfTolerance = sentinel(C.JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE)
	ErrWebhookSignaturePrefix         = sentinel(C.JWTMINT_WEBHOOK_SIGNATURE_PREFIX)
	ErrWebhookSignatureLength         = sentinel(C.JWTMINT_WEBHOOK_SIGNATURE_LENGTH)
	ErrWebhookSignatureEncoding       = sentinel(C.JWTMINT_WEBHOOK_SIGNATURE_ENCODING)
	ErrWebhookSignatureMismatch       = sentinel(C.JWTMINT_WEBHOOK_SIGNATURE_MISMATCH)
	ErrWebhookBodyMalformed           = sentinel(C.JWTMINT_WEBHOOK_BODY_MALFORMED)
	ErrUnexpectedWebhookEvent         = sentinel(C.JWTMINT_UNEXPECTED_WEBHOOK_EVENT)
	ErrInvalidPlainToken              = sentinel(C.JWTMINT_INVALID_PLAIN_TOKEN)

	ErrInvalidMeetingSDKClaim       = sentinel(C.JWTMINT_INVALID_MEETING_SDK_CLAIM)
	ErrMeetingSDKLifetimeOutOfRange = sentinel(C.JWTMINT_MEETING_SDK_LIFETIME_OUT_OF_RANGE)
	ErrSDKKeyMismatch               = sentinel(C.JWTMINT_SDK_KEY_MISMATCH)

	ErrNullPointer = sentinel(C.JWTMINT_NULL_POINTER)
	ErrInvalidUTF8 = sentinel(C.JWTMINT_INVALID_UTF8)
	ErrPanic       = sentinel(C.JWTMINT_PANIC)
)
