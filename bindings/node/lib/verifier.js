'use strict';
// Verifier: one key and one set of rules (jwtmint_verifier). Configured once, in the
// constructor, then only read, which is what the C ABI needs for a verifier to be shared.

const { native } = require('./native');
const { check, errorFor } = require('./errors');
const { invalidType, invalidValue, options, uint64, utf8 } = require('./args');
const { NativeHandle } = require('./handle');
const { withKey } = require('./key');
const { clockNow, nowFrom, tokenBytes, withOutput } = require('./io');

const VERIFIER_OPTIONS = ['leeway', 'issuer', 'audience', 'required', 'maxLen'];
const VERIFY_OPTIONS = ['now'];

/**
 * The comma-separated list jwtmint_verifier_set_required_claims takes. A name that the list
 * cannot carry as given (empty, holding a comma, or with spaces or tabs at an end, which the C
 * ABI trims) is refused rather than changed.
 */
function requiredList(required) {
  if (!Array.isArray(required)) throw invalidType('required', 'an array of strings', required);
  for (const name of required) {
    if (typeof name !== 'string') throw invalidType('required[]', 'of type string', name);
    if (name === '' || name.includes(',') || /^[ \t]|[ \t]$/.test(name)) {
      throw invalidValue('required', 'holds a claim name that is empty, has a comma, or starts or ends with a space or tab');
    }
  }
  return utf8(required.join(','), 'required');
}

/**
 * The options as setter calls, every value converted and checked first: a wrong option is
 * refused before the library makes a verifier.
 */
function settings(o) {
  const calls = [];
  if (o.leeway !== undefined) calls.push([native.verifier_set_leeway, uint64(o.leeway, 'leeway')]);
  if (o.maxLen !== undefined) calls.push([native.verifier_set_max_len, uint64(o.maxLen, 'maxLen')]);
  if (o.issuer !== undefined) {
    const issuer = utf8(o.issuer, 'issuer');
    calls.push([native.verifier_set_issuer, issuer, issuer.length]);
  }
  if (o.audience !== undefined) {
    const audience = utf8(o.audience, 'audience');
    calls.push([native.verifier_set_audience, audience, audience.length]);
  }
  if (o.required !== undefined) {
    const names = requiredList(o.required);
    calls.push([native.verifier_set_required_claims, names, names.length]);
  }
  return calls;
}

/** Applies the settings to a new verifier (before it is shared). */
function configure(ptr, calls) {
  for (const [setter, ...args] of calls) check(setter(ptr, ...args));
}

const ADOPT = Symbol('adopt a new jwtmint_verifier pointer');

class Verifier {
  #handle;

  /**
   * A verifier with the library's default rules (leeway 60 s, tokens up to 8192 bytes, `exp`
   * required, no audience expected), changed by the options: `leeway` (seconds), `issuer`
   * (required and equal), `audience` (required and named), `required` (claim names that must
   * be present; replaces the default `["exp"]`), `maxLen` (bytes).
   *
   * `key` is a Key, or the secret itself (string or bytes).
   */
  constructor(key, opts) {
    let ptr;
    let calls;
    if (key === ADOPT) {
      ({ ptr, calls } = opts);
    } else {
      calls = settings(options(opts, VERIFIER_OPTIONS));
      ptr = withKey(key, 'key', (keyPtr) => {
        const out = [null];
        check(native.verifier_new(keyPtr, out));
        return out[0];
      });
    }
    this.#handle = new NativeHandle(this, ptr, native.verifier_free, 'Verifier');
    try {
      configure(ptr, calls);
    } catch (e) {
      this.#handle.close();
      throw e;
    }
  }

  /**
   * The verifier for Zoom API JWTs of one API key: `iss`, `iat` and `exp` required, `iss`
   * equal to `apiKey`. Options as the constructor's (`leeway`, `maxLen`, ...), applied after.
   */
  static zoomApi(key, apiKey, opts) {
    const apiKeyBytes = utf8(apiKey, 'apiKey');
    const calls = settings(options(opts, VERIFIER_OPTIONS));
    const ptr = withKey(key, 'key', (keyPtr) => {
      const out = [null];
      check(native.verifier_new_zoom_api(keyPtr, apiKeyBytes, apiKeyBytes.length, out));
      return out[0];
    });
    return new Verifier(ADOPT, { ptr, calls });
  }

  /**
   * Verifies `token` (a string or bytes) at `now` (default: the system clock) and returns its
   * claims, parsed, once every check has passed. Throws a TokenError subclass otherwise.
   */
  verify(token, opts) {
    return JSON.parse(this.verifyJson(token, opts));
  }

  /** As verify(), returning the payload JSON exactly as it was signed (for big integers). */
  verifyJson(token, opts) {
    const ptr = this.#handle.ptr;
    const bytes = tokenBytes(token);
    const now = opts === undefined ? clockNow() : nowFrom(options(opts, VERIFY_OPTIONS));
    // The payload is never longer than the token.
    return withOutput(bytes.length + 1, 'utf8', (out, cap, len) =>
      native.verifier_verify(ptr, bytes, bytes.length, now, out, cap, len),
    );
  }

  /** As verify(), without returning the claims: throws unless the token is valid. */
  check(token, opts) {
    const ptr = this.#handle.ptr;
    const bytes = tokenBytes(token);
    const now = opts === undefined ? clockNow() : nowFrom(options(opts, VERIFY_OPTIONS));
    const rc = native.verifier_check(ptr, bytes, bytes.length, now);
    if (rc !== 0) throw errorFor(rc);
  }

  /** Frees the verifier now; later calls throw ClosedError. */
  close() {
    this.#handle.close();
  }

  /** Whether close() has been called. */
  get closed() {
    return this.#handle.closed;
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `Verifier { ${this.closed ? 'closed' : 'open'} }`;
  }
}

module.exports = { Verifier };
