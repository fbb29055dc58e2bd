'use strict';
// The binding's errors. A failure the library reports becomes a JwtMintError (or one of its
// subclasses) carrying the library's stable numeric code, its stable name and its static
// message: never anything from the input (no secret, no claim value, no token).

const { native } = require('./native');

/**
 * The C ABI's result codes by name (the JWTMINT_* constants of include/jwtmint.h, without the
 * prefix). Numbers are stable: never reused or renumbered.
 */
const codes = Object.freeze({
  OK: 0,
  EMPTY_SECRET: 100,
  WEAK_SECRET: 101,
  INVALID_SECRET_ENCODING: 102,
  INVALID_ARGUMENT: 103,
  TIME_OVERFLOW: 104,
  CLOCK: 105,
  CLAIMS_NOT_AN_OBJECT: 106,
  SERIALIZE: 107,
  BUFFER_TOO_SMALL: 108,
  TOO_LONG: 200,
  SEGMENT_COUNT: 201,
  EMPTY_SEGMENT: 202,
  INVALID_BASE64: 203,
  INVALID_JSON: 204,
  NOT_AN_OBJECT: 205,
  DUPLICATE_MEMBER: 206,
  MISSING_ALGORITHM: 300,
  UNSUPPORTED_ALGORITHM: 301,
  UNSUPPORTED_TYPE: 302,
  CRITICAL_HEADER: 303,
  UNSUPPORTED_HEADER: 304,
  INVALID_SIGNATURE: 400,
  EXPIRED: 500,
  NOT_YET_VALID: 501,
  ISSUED_IN_FUTURE: 502,
  MISSING_CLAIM: 503,
  MALFORMED_CLAIM: 504,
  ISSUER_MISMATCH: 505,
  AUDIENCE_MISMATCH: 506,
  CLAIMS_TYPE: 507,
  EMPTY_FIELD: 600,
  FIELD_TOO_LONG: 601,
  UNKNOWN_GEO_REGION: 602,
  DUPLICATE_GEO_REGION: 603,
  LIFETIME_OUT_OF_RANGE: 604,
  APP_KEY_MISMATCH: 605,
  INVALID_VIDEO_SDK_CLAIM: 606,
  WEBHOOK_TIMESTAMP_MALFORMED: 620,
  WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE: 621,
  WEBHOOK_SIGNATURE_PREFIX: 622,
  WEBHOOK_SIGNATURE_LENGTH: 623,
  WEBHOOK_SIGNATURE_ENCODING: 624,
  WEBHOOK_SIGNATURE_MISMATCH: 625,
  WEBHOOK_BODY_MALFORMED: 626,
  UNEXPECTED_WEBHOOK_EVENT: 627,
  INVALID_PLAIN_TOKEN: 628,
  NULL_POINTER: 900,
  INVALID_UTF8: 901,
  PANIC: 902,
});

/** The library's static message for a code (never empty; "unknown result code" if unknown). */
function codeMessage(code) {
  return native.result_str(code);
}

/** The library's stable snake_case name for a code ("unknown" if unknown). */
function codeName(code) {
  return native.result_name(code);
}

/**
 * A failure reported by libjwtmint. `code` is the stable number (see `codes`), `codeName` its
 * stable snake_case name (`"expired"`), `message` the library's fixed text for the code.
 */
class JwtMintError extends Error {
  constructor(code, detail) {
    const text = codeMessage(code);
    super(detail ? `${text}: ${detail}` : text);
    this.code = code;
    this.codeName = codeName(code);
  }
}

/** The secret cannot make a key: empty, shorter than 32 bytes, or not in its encoding (1xx). */
class InvalidKeyError extends JwtMintError {}

/** The token was rejected: every failure of verification (2xx to 5xx). */
class TokenError extends JwtMintError {}

/** The token is not three segments of canonical base64url over JSON objects (2xx). */
class MalformedTokenError extends TokenError {}

/** The token's header is not plain HS256 (3xx). */
class UnsupportedHeaderError extends TokenError {}

/** The token's signature does not match this key (400). */
class InvalidSignatureError extends TokenError {}

/** The token's claims were rejected: missing, malformed, wrong issuer or audience, times (5xx). */
class ClaimsError extends TokenError {}

/** The token has expired (500). */
class ExpiredError extends ClaimsError {}

/** A webhook request's signature or body was rejected (62x). */
class WebhookError extends JwtMintError {}

/** The class of error for a code. */
function classFor(code) {
  if (code >= 100 && code <= 102) return InvalidKeyError;
  if (code >= 200 && code < 300) return MalformedTokenError;
  if (code >= 300 && code < 400) return UnsupportedHeaderError;
  if (code === 400) return InvalidSignatureError;
  if (code === 500) return ExpiredError;
  if (code > 500 && code < 600) return ClaimsError;
  if (code >= 620 && code < 640) return WebhookError;
  return JwtMintError;
}

/** The error for a non-zero result code of the C ABI. */
function errorFor(code, detail) {
  const Class = classFor(code);
  return new Class(code, detail);
}

/**
 * The error for a result of verifying a token: as errorFor, except that the Video SDK claim
 * codes (600-619), which minting also returns for bad arguments, are a ClaimsError here (the
 * token was rejected).
 */
function tokenErrorFor(code) {
  if (code >= 600 && code < 620) return new ClaimsError(code);
  return errorFor(code);
}

/** Throws the error for `code` unless it is OK. */
function check(code) {
  if (code !== 0) throw errorFor(code);
}

/**
 * A handle (key, minter, verifier) was used after close(). A mistake in the calling program,
 * like a TypeError, not a verdict of the library: so not a JwtMintError.
 */
class ClosedError extends Error {
  constructor(what) {
    super(`this ${what} is closed`);
    this.code = 'ERR_JWTMINT_CLOSED';
  }
}

// `name` on each prototype (as Node's own errors do), so stack traces and util.inspect show
// the class: "ExpiredError: the token has expired".
for (const Class of [
  JwtMintError,
  InvalidKeyError,
  TokenError,
  MalformedTokenError,
  UnsupportedHeaderError,
  InvalidSignatureError,
  ClaimsError,
  ExpiredError,
  WebhookError,
  ClosedError,
]) {
  Object.defineProperty(Class.prototype, 'name', { value: Class.name, writable: true, configurable: true });
}

module.exports = {
  codes,
  codeMessage,
  codeName,
  check,
  errorFor,
  tokenErrorFor,
  JwtMintError,
  InvalidKeyError,
  TokenError,
  MalformedTokenError,
  UnsupportedHeaderError,
  InvalidSignatureError,
  ClaimsError,
  ExpiredError,
  WebhookError,
  ClosedError,
};
