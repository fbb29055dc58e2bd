'use strict';
// Key: an HS256 key built once from a secret (jwtmint_key). The library keeps only the keyed
// HMAC state, never the secret; minters and verifiers keep their own reference to that state,
// so a Key may be closed as soon as they are made.

const { native } = require('./native');
const { codes } = require('./errors');
const { errorFor } = require('./results');
const { invalidType, secretBytes, utf8 } = require('./args');
const { NativeOwner, handleOf, pointerOf } = require('./handle');

/** Secret text encodings and their JWTMINT_SECRET_* numbers; the aliases are the core's. */
const ENCODINGS = new Map([
  ['utf8', 0],
  ['utf-8', 0],
  ['text', 0],
  ['hex', 1],
  ['base64', 2],
  ['base64url', 3],
  // JWTMINT_SECRET_JSRSASIGN_COMPAT: how Zoom's Node.js samples (jsrsasign) read a secret.
  ['jsrsasign', 4],
]);

const ENCODED = Symbol('a key from encoded text');

class Key extends NativeOwner {
  /**
   * A key from the secret's bytes: a string is taken as UTF-8 (what a Zoom API secret is),
   * a Buffer/Uint8Array/ArrayBuffer as raw bytes. Throws InvalidKeyError when the secret is
   * empty or shorter than 32 bytes (RFC 7518 section 3.2).
   */
  constructor(secret, encoding) {
    const { bytes, owned, number } =
      secret === ENCODED ? encoding : { ...secretBytes(secret, 'secret'), number: undefined };
    try {
      super(
        number === undefined
          ? (out) => native.key_new(bytes, bytes.length, out)
          : (out) => native.key_new_encoded(bytes, bytes.length, number, out),
        native.key_free,
      );
    } finally {
      // Our own copy of the secret is wiped; the caller's string or bytes are the caller's.
      if (owned) bytes.fill(0);
    }
  }

  /**
   * A key from secret text in an encoding: "utf8" (the default), "hex", "base64",
   * "base64url", or "jsrsasign" (how Zoom's Node.js samples read a secret string: even-length
   * hex is decoded, anything else is taken one byte per UTF-16 code unit).
   */
  static fromEncoded(text, encoding = 'utf8') {
    if (typeof text !== 'string') throw invalidType('text', 'of type string', text);
    if (typeof encoding !== 'string') throw invalidType('encoding', 'of type string', encoding);
    const number = ENCODINGS.get(encoding);
    if (number === undefined) {
      throw errorFor(codes.INVALID_ARGUMENT, 'encoding must be utf8, hex, base64, base64url or jsrsasign');
    }
    return new Key(ENCODED, { bytes: utf8(text, 'text'), owned: true, number });
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `Key { alg: 'HS256', secret: <redacted>${this.closed ? ', closed' : ''} }`;
  }
}

/**
 * Calls `use(keyPointer)` with the pointer of `key` (a Key), or of a temporary Key made from
 * `key` as a secret (string or bytes) and closed right after. Anything else is a TypeError.
 */
function withKey(key, name, use) {
  if (handleOf(key, Key) !== null) return use(pointerOf(key));
  if (typeof key !== 'string' && !(key instanceof Uint8Array) && !(key instanceof ArrayBuffer)) {
    throw invalidType(name, 'a Key, or a secret as a string, Buffer, Uint8Array or ArrayBuffer', key);
  }
  const temporary = new Key(key);
  try {
    return use(pointerOf(temporary));
  } finally {
    temporary.close();
  }
}

module.exports = { Key, withKey };
