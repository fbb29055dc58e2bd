'use strict';
// Verifier: one key and one set of rules (jwtmint_verifier). Configured once, in the
// constructor, then only read, which is what the C ABI needs for a verifier to be shared.

const { native } = require('./native');
const { check, errorFor, tokenErrorFor } = require('./results');
const { invalidType, options, uint64, utf8 } = require('./args');
const { NativeOwner, pointerOf } = require('./handle');
const { withKey } = require('./key');
const { nowOption, tokenBytes, verifiedJson } = require('./io');

const VERIFIER_OPTIONS = ['leeway', 'issuer', 'audience', 'required', 'maxLen'];

/**
 * The required claims as the setter calls that set them: none required, then one
 * jwtmint_verifier_require_claim per name. Each name goes to the library as it is (no
 * splitting or trimming): the library refuses an empty one, and a repeated one counts once.
 */
function requiredCalls(required) {
  if (!Array.isArray(required)) throw invalidType('required', 'an array of strings', required);
  const calls = [[native.verifier_clear_required_claims]];
  for (const name of required) {
    const bytes = utf8(name, 'required[]');
    calls.push([native.verifier_require_claim, bytes, bytes.length]);
  }
  return calls;
}

/** An option's text as a setter call with its (bytes, length), or none when not given. */
function textCall(setter, value, name) {
  if (value === undefined) return [];
  const bytes = utf8(value, name);
  return [[setter, bytes, bytes.length]];
}

/**
 * The options every verifier takes, `leeway` and `maxLen`, as setter calls of the verifier's
 * kind (`setLeeway`, `setMaxLen`: its exports).
 */
function limitCalls(o, setLeeway, setMaxLen) {
  const calls = [];
  if (o.leeway !== undefined) calls.push([setLeeway, uint64(o.leeway, 'leeway')]);
  if (o.maxLen !== undefined) calls.push([setMaxLen, uint64(o.maxLen, 'maxLen')]);
  return calls;
}

/** The setter calls applied to a new verifier before it is shared, each result checked. */
function applying(calls) {
  return (ptr) => {
    for (const [setter, ...args] of calls) check(setter(ptr, ...args));
  };
}

/**
 * The options as setter calls, every value converted and checked first: a wrong option is
 * refused before the library makes a verifier.
 */
function settings(opts) {
  const o = options(opts, VERIFIER_OPTIONS);
  const calls = limitCalls(o, native.verifier_set_leeway, native.verifier_set_max_len);
  calls.push(...textCall(native.verifier_set_issuer, o.issuer, 'issuer'));
  calls.push(...textCall(native.verifier_set_audience, o.audience, 'audience'));
  if (o.required !== undefined) calls.push(...requiredCalls(o.required));
  return applying(calls);
}


const PRESET = Symbol('a verifier made by a preset');

class Verifier extends NativeOwner {
  /**
   * A verifier with the library's default rules (leeway 60 s, tokens up to 8192 bytes, `exp`
   * required, no audience expected), changed by the options: `leeway` (seconds), `issuer`
   * (required and equal), `audience` (required and named), `required` (an array of the claim
   * names that must be present; replaces the default `["exp"]`, `[]` requires none), `maxLen`
   * (bytes).
   *
   * `key` is a Key, or the secret itself (string or bytes).
   */
  constructor(key, opts) {
    // A preset passes its own maker: (PRESET, { key, make, configure }).
    const preset = key === PRESET ? opts : null;
    const configure = preset ? preset.configure : settings(opts);
    const make = preset ? preset.make : (keyPtr, out) => native.verifier_new(keyPtr, out);
    withKey(preset ? preset.key : key, 'key', (keyPtr) =>
      super((out) => make(keyPtr, out), native.verifier_free, configure),
    );
  }

  /**
   * The verifier for Zoom API JWTs of one API key: `iss`, `iat` and `exp` required, `iss`
   * equal to `apiKey`. Options as the constructor's (`leeway`, `maxLen`, ...), applied after.
   */
  static zoomApi(key, apiKey, opts) {
    const apiKeyBytes = utf8(apiKey, 'apiKey');
    return new Verifier(PRESET, {
      key,
      make: (keyPtr, out) => native.verifier_new_zoom_api(keyPtr, apiKeyBytes, apiKeyBytes.length, out),
      configure: settings(opts),
    });
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
    return verifiedJson(native.verifier_verify, pointerOf(this), token, opts);
  }

  /** As verify(), without returning the claims: throws unless the token is valid. */
  check(token, opts) {
    const ptr = pointerOf(this);
    const bytes = tokenBytes(token);
    const rc = native.verifier_check(ptr, bytes, bytes.length, nowOption(opts));
    if (rc !== 0) throw errorFor(rc);
  }
}

/**
 * Base of the SDK verifiers (Video SDK, Meeting SDK), over the exports of their kind
 * (`exports`): made under `key` by `make(keyPtr, out)` and freed by `free`; options `leeway`
 * and `maxLen` only, checked before the verifier is made and applied by `setLeeway` and
 * `setMaxLen`; tokens checked by `verify`, which writes the claims as the library
 * re-serializes them.
 */
class SdkVerifier extends NativeOwner {
  #verify;

  constructor(key, opts, exports) {
    const o = options(opts, ['leeway', 'maxLen']);
    const configure = applying(limitCalls(o, exports.setLeeway, exports.setMaxLen));
    withKey(key, 'key', (keyPtr) => super((out) => exports.make(keyPtr, out), exports.free, configure));
    this.#verify = exports.verify;
  }

  /** The token's claims, parsed, once every check has passed. Throws a TokenError subclass otherwise. */
  verify(token, opts) {
    return JSON.parse(this.verifyJson(token, opts));
  }

  /** As verify(), returning the claims as the library serializes them (compact JSON). */
  verifyJson(token, opts) {
    return verifiedJson(this.#verify, pointerOf(this), token, opts, tokenErrorFor);
  }
}

module.exports = { Verifier, SdkVerifier };
