'use strict';
// Webhook: Zoom webhook requests of one app (jwtmint_webhook): the x-zm-signature check,
// the endpoint.url_validation answer, and signing for test senders.

const { native } = require('./native');
const { check, errorFor } = require('./results');
const { invalidType, options, outOfRange, secretBytes, uint64 } = require('./args');
const { NativeOwner, pointerOf } = require('./handle');
const { nowOption, withOutput } = require('./io');

const timestampOut = Buffer.alloc(8);

/** Bytes of a header value or body: a string as UTF-8, bytes as given. */
function bytesOf(value, name) {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (value instanceof Uint8Array) return value;
  throw invalidType(name, 'a string, Buffer or Uint8Array', value);
}

/** The x-zm-request-timestamp value: its text as received, or a number written in decimal. */
function timestampBytes(value) {
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw outOfRange('timestamp', 'an integer', value);
    }
    return Buffer.from(String(value), 'latin1');
  }
  return bytesOf(value, 'timestamp');
}

/**
 * A request's arguments as the C functions take them, after the handle: the timestamp, body
 * and signature, each as (bytes, length), then `now`.
 */
function requestArgs(timestamp, body, signature, opts) {
  const ts = timestampBytes(timestamp);
  const b = bytesOf(body, 'body');
  const sig = bytesOf(signature, 'signature');
  return [ts, ts.length, b, b.length, sig, sig.length, nowOption(opts)];
}

class Webhook extends NativeOwner {
  /**
   * Checks requests for the app's webhook secret token (as Zoom shows it: a string is its
   * UTF-8 bytes). Option `tolerance`: how far, in seconds, a request's timestamp may be from
   * now (default 300).
   */
  constructor(secretToken, opts) {
    const o = options(opts, ['tolerance']);
    const tolerance = o.tolerance === undefined ? undefined : uint64(o.tolerance, 'tolerance');
    // Last, so that no error can leave our copy of the secret unwiped.
    const { bytes, owned } = secretBytes(secretToken, 'secretToken');
    try {
      super(
        (out) => native.webhook_new(bytes, bytes.length, out),
        native.webhook_free,
        tolerance === undefined ? undefined : (ptr) => check(native.webhook_set_tolerance(ptr, tolerance)),
      );
    } finally {
      if (owned) bytes.fill(0);
    }
  }

  /**
   * Checks a request: its `x-zm-request-timestamp` header, raw body (exactly as received:
   * pass the Buffer, not re-serialized JSON) and `x-zm-signature` header, at `now` (default:
   * the system clock). Returns the request's timestamp; throws WebhookError otherwise.
   */
  verify(timestamp, body, signature, opts) {
    const ptr = pointerOf(this);
    const rc = native.webhook_verify(ptr, ...requestArgs(timestamp, body, signature, opts), timestampOut);
    if (rc !== 0) throw errorFor(rc);
    const value = timestampOut.readBigUInt64LE(0);
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }

  /**
   * Answers Zoom's endpoint.url_validation challenge: checks the request as verify() does,
   * reads the body strictly, and returns the response body as JSON text,
   * `{"plainToken":"…","encryptedToken":"…"}`, to send with status 200.
   */
  urlValidationJson(timestamp, body, signature, opts) {
    const ptr = pointerOf(this);
    const args = requestArgs(timestamp, body, signature, opts);
    // plainToken (from the body) and 64 hex digits; a longer answer takes the retry.
    return withOutput(args[3] + 128, 'utf8', (out, cap, len) => native.webhook_url_validation(ptr, ...args, out, cap, len));
  }

  /** As urlValidationJson(), parsed: `{ plainToken, encryptedToken }`. */
  urlValidation(timestamp, body, signature, opts) {
    return JSON.parse(this.urlValidationJson(timestamp, body, signature, opts));
  }

  /**
   * The `x-zm-signature` value (`v0=` and 64 hex digits) of a request with this timestamp
   * (seconds) and raw body: for test harnesses and webhook senders.
   */
  sign(timestamp, body) {
    const ptr = pointerOf(this);
    const ts = uint64(timestamp, 'timestamp');
    const b = bytesOf(body, 'body');
    return withOutput(68, 'latin1', (out, cap, len) => native.webhook_sign(ptr, ts, b, b.length, out, cap, len));
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `Webhook { secret: <redacted>${this.closed ? ', closed' : ''} }`;
  }
}

module.exports = { Webhook };
