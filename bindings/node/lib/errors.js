'use strict';
// The binding's public errors and result codes. A failure the library reports becomes a
// JwtMintError (or one of its subclasses) carrying the library's stable numeric code, its
// stable name and its static message: never anything from the input (no secret, no claim
// value, no token). lib/results.js picks the class for a code.

const { native } = require('./native');

/** The result codes the library may return: 0 (OK) and its documented range, 100 to 999. */
const CODE_RANGE = 1000;

/**
 * The C ABI's result codes by name (the JWTMINT_* constants of include/jwtmint.h, without the
 * prefix), read from the loaded library's own names: the library is their one source.
 */
const codes = (() => {
  const table = {};
  for (let code = 0; code < CODE_RANGE; code++) {
    const name = native.result_name(code);
    if (name !== 'unknown') table[name.toUpperCase()] = code;
  }
  return Object.freeze(table);
})();

/**
 * A failure reported by libjwtmint. `code` is the stable number (see `codes`), `codeName` its
 * stable snake_case name (`"expired"`), `message` the library's fixed text for the code.
 */
class JwtMintError extends Error {
  constructor(code, detail) {
    const text = native.result_str(code);
    super(detail ? `${text}: ${detail}` : text);
    this.code = code;
    this.codeName = native.result_name(code);
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

// The package's entry spreads these exports into its own: this list is the one list of the
// public errors.
module.exports = {
  codes,
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

// `name` on each prototype (as Node's own errors do), so stack traces and util.inspect show
// the class: "ExpiredError: the token has expired".
for (const Class of Object.values(module.exports)) {
  if (typeof Class !== 'function') continue;
  Object.defineProperty(Class.prototype, 'name', { value: Class.name, writable: true, configurable: true });
}
