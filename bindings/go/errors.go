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
// ErrExpired) holds for every expired-token error whatever its detail.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t != nil && e != nil && t.Code == e.Code
}

// Unwrap returns the error of encoding/json that caused an ErrSerialize or ErrClaimsType
// error, or nil.
func (e *Error) Unwrap() error { return e.cause }

// ErrClosed is returned when a Key, APITokenMinter or Verifier is used after Close (or is a
// nil pointer). It is not one of the library's numbered codes: the handle never reached it.
var ErrClosed = errors.New("jwtmint: use of a closed or nil handle")

// codeError is a new *Error for a code the C ABI returned, with the library's own name and
// message for it: a copy of the code's sentinel (so no caller can change a sentinel), or for
// a code this package does not know, one made from the library's text.
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

// One sentinel per code of the C ABI (include/jwtmint.h), for errors.Is. Each is an *Error
// with its code, name and message; only the code is compared.
var (
	// ErrEmptySecret: the secret is empty.
	ErrEmptySecret = sentinel(C.JWTMINT_EMPTY_SECRET)
	// ErrWeakSecret: the secret is shorter than 32 bytes (RFC 7518 section 3.2).
	ErrWeakSecret = sentinel(C.JWTMINT_WEAK_SECRET)
	// ErrInvalidSecretEncoding: the secret text is not valid in its declared encoding.
	ErrInvalidSecretEncoding = sentinel(C.JWTMINT_INVALID_SECRET_ENCODING)
	// ErrInvalidArgument: an argument is out of its allowed range.
	ErrInvalidArgument = sentinel(C.JWTMINT_INVALID_ARGUMENT)
	// ErrTimeOverflow: time arithmetic would overflow.
	ErrTimeOverflow = sentinel(C.JWTMINT_TIME_OVERFLOW)
	// ErrClock: the system clock is out of range.
	ErrClock = sentinel(C.JWTMINT_CLOCK)
	// ErrClaimsNotAnObject: the claims do not serialize to a JSON object.
	ErrClaimsNotAnObject = sentinel(C.JWTMINT_CLAIMS_NOT_AN_OBJECT)
	// ErrSerialize: the claims could not be serialized.
	ErrSerialize = sentinel(C.JWTMINT_SERIALIZE)
	// ErrBufferTooSmall: an output buffer is too small (the binding retries; never returned).
	ErrBufferTooSmall = sentinel(C.JWTMINT_BUFFER_TOO_SMALL)

	// ErrTooLong: the token is longer than the verifier's limit.
	ErrTooLong = sentinel(C.JWTMINT_TOO_LONG)
	// ErrSegmentCount: the token does not have exactly three segments.
	ErrSegmentCount = sentinel(C.JWTMINT_SEGMENT_COUNT)
	// ErrEmptySegment: a token segment is empty.
	ErrEmptySegment = sentinel(C.JWTMINT_EMPTY_SEGMENT)
	// ErrInvalidBase64: a token segment is not canonical unpadded base64url.
	ErrInvalidBase64 = sentinel(C.JWTMINT_INVALID_BASE64)
	// ErrInvalidJSON: a token segment is not valid JSON.
	ErrInvalidJSON = sentinel(C.JWTMINT_INVALID_JSON)
	// ErrNotAnObject: a token segment is not a JSON object.
	ErrNotAnObject = sentinel(C.JWTMINT_NOT_AN_OBJECT)
	// ErrDuplicateMember: a JSON object names the same member twice.
	ErrDuplicateMember = sentinel(C.JWTMINT_DUPLICATE_MEMBER)

	// ErrMissingAlgorithm: the header has no alg.
	ErrMissingAlgorithm = sentinel(C.JWTMINT_MISSING_ALGORITHM)
	// ErrUnsupportedAlgorithm: the header's alg is not HS256.
	ErrUnsupportedAlgorithm = sentinel(C.JWTMINT_UNSUPPORTED_ALGORITHM)
	// ErrUnsupportedType: the header's typ is not JWT.
	ErrUnsupportedType = sentinel(C.JWTMINT_UNSUPPORTED_TYPE)
	// ErrCriticalHeader: the header has a crit member.
	ErrCriticalHeader = sentinel(C.JWTMINT_CRITICAL_HEADER)
	// ErrUnsupportedHeader: the header has a member that is not supported.
	ErrUnsupportedHeader = sentinel(C.JWTMINT_UNSUPPORTED_HEADER)

	// ErrInvalidSignature: the signature does not match.
	ErrInvalidSignature = sentinel(C.JWTMINT_INVALID_SIGNATURE)

	// ErrExpired: the token has expired.
	ErrExpired = sentinel(C.JWTMINT_EXPIRED)
	// ErrNotYetValid: the token is not valid yet (nbf).
	ErrNotYetValid = sentinel(C.JWTMINT_NOT_YET_VALID)
	// ErrIssuedInFuture: the token was issued in the future (iat).
	ErrIssuedInFuture = sentinel(C.JWTMINT_ISSUED_IN_FUTURE)
	// ErrMissingClaim: a required claim is missing.
	ErrMissingClaim = sentinel(C.JWTMINT_MISSING_CLAIM)
	// ErrMalformedClaim: a registered claim has the wrong type or range.
	ErrMalformedClaim = sentinel(C.JWTMINT_MALFORMED_CLAIM)
	// ErrIssuerMismatch: the issuer is not the expected one.
	ErrIssuerMismatch = sentinel(C.JWTMINT_ISSUER_MISMATCH)
	// ErrAudienceMismatch: the audience is not the expected one.
	ErrAudienceMismatch = sentinel(C.JWTMINT_AUDIENCE_MISMATCH)
	// ErrClaimsType: the verified claims do not fit the type VerifyInto was given.
	ErrClaimsType = sentinel(C.JWTMINT_CLAIMS_TYPE)

	// ErrEmptyField: a required Video SDK field is empty.
	ErrEmptyField = sentinel(C.JWTMINT_EMPTY_FIELD)
	// ErrFieldTooLong: a Video SDK field is longer than Zoom allows.
	ErrFieldTooLong = sentinel(C.JWTMINT_FIELD_TOO_LONG)
	// ErrUnknownGeoRegion: a Video SDK geo region is unknown.
	ErrUnknownGeoRegion = sentinel(C.JWTMINT_UNKNOWN_GEO_REGION)
	// ErrDuplicateGeoRegion: a Video SDK geo region is listed twice.
	ErrDuplicateGeoRegion = sentinel(C.JWTMINT_DUPLICATE_GEO_REGION)
	// ErrLifetimeOutOfRange: a Video SDK token's lifetime is not between 1800 s and 48 h.
	ErrLifetimeOutOfRange = sentinel(C.JWTMINT_LIFETIME_OUT_OF_RANGE)
	// ErrAppKeyMismatch: the Video SDK app_key is not the expected one.
	ErrAppKeyMismatch = sentinel(C.JWTMINT_APP_KEY_MISMATCH)
	// ErrInvalidVideoSDKClaim: a Video SDK claim has a value Zoom does not accept.
	ErrInvalidVideoSDKClaim = sentinel(C.JWTMINT_INVALID_VIDEO_SDK_CLAIM)

	// ErrWebhookTimestampMalformed: the webhook timestamp is not plain decimal digits.
	ErrWebhookTimestampMalformed = sentinel(C.JWTMINT_WEBHOOK_TIMESTAMP_MALFORMED)
	// ErrWebhookTimestampOutOfTolerance: the webhook timestamp is too far from now.
	ErrWebhookTimestampOutOfTolerance = sentinel(C.JWTMINT_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE)
	// ErrWebhookSignaturePrefix: the webhook signature does not start with v0=.
	ErrWebhookSignaturePrefix = sentinel(C.JWTMINT_WEBHOOK_SIGNATURE_PREFIX)
	// ErrWebhookSignatureLength: the webhook signature is not 64 hex characters.
	ErrWebhookSignatureLength = sentinel(C.JWTMINT_WEBHOOK_SIGNATURE_LENGTH)
	// ErrWebhookSignatureEncoding: the webhook signature is not lower-case hex.
	ErrWebhookSignatureEncoding = sentinel(C.JWTMINT_WEBHOOK_SIGNATURE_ENCODING)
	// ErrWebhookSignatureMismatch: the webhook signature does not match.
	ErrWebhookSignatureMismatch = sentinel(C.JWTMINT_WEBHOOK_SIGNATURE_MISMATCH)
	// ErrWebhookBodyMalformed: the webhook body is not a JSON object with unique names.
	ErrWebhookBodyMalformed = sentinel(C.JWTMINT_WEBHOOK_BODY_MALFORMED)
	// ErrUnexpectedWebhookEvent: the webhook event is not the expected one.
	ErrUnexpectedWebhookEvent = sentinel(C.JWTMINT_UNEXPECTED_WEBHOOK_EVENT)
	// ErrInvalidPlainToken: the url-validation plainToken is missing or empty.
	ErrInvalidPlainToken = sentinel(C.JWTMINT_INVALID_PLAIN_TOKEN)

	// ErrNullPointer: a required pointer argument was NULL (a bug in the binding if seen).
	ErrNullPointer = sentinel(C.JWTMINT_NULL_POINTER)
	// ErrInvalidUTF8: a text argument (API key, issuer, audience, claim names, encoded
	// secret) is not valid UTF-8.
	ErrInvalidUTF8 = sentinel(C.JWTMINT_INVALID_UTF8)
	// ErrPanic: internal error, a panic caught at the C boundary. Please report it.
	ErrPanic = sentinel(C.JWTMINT_PANIC)
)
