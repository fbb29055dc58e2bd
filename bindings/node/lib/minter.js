'use strict';
// Minting: the Zoom API token minter (jwtmint_api_minter), the one-shot Zoom API token, and
// tokens over any claims (jwtmint_mint_json).

const { native } = require('./native');
const { invalidType, uint64, options, utf8 } = require('./args');
const { NativeOwner, pointerOf } = require('./handle');
const { withKey } = require('./key');
const { nowFrom, nowOption, withOutput } = require('./io');

/** Zoom's defaults (JWTMINT_DEFAULT_SKEW, JWTMINT_DEFAULT_TTL). */
const DEFAULT_SKEW = 30;
const DEFAULT_TTL = 3600;

const MINTER_OPTIONS = ['skew', 'ttl'];
const API_TOKEN_OPTIONS = ['now', 'skew', 'ttl'];

class ApiTokenMinter extends NativeOwner {
  #cap;

  /**
   * A minter of Zoom API JWTs for one API key: header `{"alg":"HS256","typ":"JWT"}`, payload
   * `{"iss":apiKey,"iat":now-skew,"exp":iat+ttl}`, byte-identical to Zoom's Node.js sample.
   * The per-key work (header, payload prefix, HMAC state) is done here, once.
   *
   * `key` is a Key, or the secret itself (string or bytes). Options: `skew` (default 30 s,
   * how far `iat` is backdated) and `ttl` (default 3600 s).
   */
  constructor(apiKey, key, opts) {
    const apiKeyBytes = utf8(apiKey, 'apiKey');
    const o = options(opts, MINTER_OPTIONS);
    const skew = o.skew === undefined ? DEFAULT_SKEW : uint64(o.skew, 'skew');
    const ttl = o.ttl === undefined ? DEFAULT_TTL : uint64(o.ttl, 'ttl');
    withKey(key, 'key', (keyPtr) =>
      super((out) => native.api_minter_new(keyPtr, apiKeyBytes, apiKeyBytes.length, skew, ttl, out), native.api_minter_free),
    );
    // The longest token this minter makes, plus the NUL: minting never needs a retry.
    this.#cap = Number(native.api_minter_max_token_len(pointerOf(this))) + 1;
  }

  /** A token for `now` (seconds since the epoch; default: the system clock). */
  mint(opts) {
    const ptr = pointerOf(this);
    const now = nowOption(opts);
    return withOutput(this.#cap, 'latin1', (out, cap, len) => native.api_minter_mint(ptr, now, out, cap, len));
  }
}

/**
 * One Zoom API JWT without keeping a minter (the per-key work is redone on every call: keep an
 * ApiTokenMinter to mint more than once). `secret` is a Key or the secret (string or bytes).
 */
function mintApiToken(apiKey, secret, opts) {
  const apiKeyBytes = utf8(apiKey, 'apiKey');
  const o = options(opts, API_TOKEN_OPTIONS);
  const skew = o.skew === undefined ? DEFAULT_SKEW : uint64(o.skew, 'skew');
  const ttl = o.ttl === undefined ? DEFAULT_TTL : uint64(o.ttl, 'ttl');
  const now = nowFrom(o);
  return withKey(secret, 'secret', (keyPtr) =>
    // A Zoom API token is its fixed parts plus the API key's base64: 256 bytes covers keys up
    // to about 90 bytes; longer ones take the retry.
    withOutput(256 + apiKeyBytes.length * 2, 'latin1', (out, cap, len) =>
      native.mint_api_token(keyPtr, apiKeyBytes, apiKeyBytes.length, now, skew, ttl, out, cap, len),
    ),
  );
}

/**
 * A token whose payload is exactly `json` (a string or UTF-8 bytes), under the header
 * `{"alg":"HS256","typ":"JWT"}`. The library checks the JSON (an object, no duplicate names,
 * registered claims of the right type) before signing. Nothing is added: no `exp` unless
 * `json` has one.
 */
function mintJson(key, json) {
  let bytes;
  if (typeof json === 'string') bytes = utf8(json, 'json');
  else if (json instanceof Uint8Array) bytes = json;
  else throw invalidType('json', 'a string, Buffer or Uint8Array', json);
  // header (36) + '.' + base64url(payload) + '.' + signature (43) + NUL
  const cap = 36 + 1 + Math.ceil((bytes.length * 4) / 3) + 1 + 43 + 1;
  return withKey(key, 'key', (keyPtr) =>
    withOutput(cap, 'latin1', (out, c, len) => native.mint_json(keyPtr, bytes, bytes.length, out, c, len)),
  );
}

/**
 * A token over `claims`, serialized with JSON.stringify (compact, in the object's own member
 * order). `key` is a Key or the secret. Nothing is added: include `exp` yourself.
 */
function mint(key, claims) {
  if (claims === null || typeof claims !== 'object') {
    throw invalidType('claims', 'an object', claims);
  }
  const json = JSON.stringify(claims);
  if (typeof json !== 'string') throw invalidType('claims', 'an object that serializes to JSON', claims);
  return mintJson(key, json);
}

module.exports = { ApiTokenMinter, mintApiToken, mint, mintJson, DEFAULT_SKEW, DEFAULT_TTL };
