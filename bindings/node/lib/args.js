'use strict';
// Turns JavaScript arguments into what the C ABI takes, and rejects arguments of the wrong
// type or range with Node's own error conventions (TypeError ERR_INVALID_ARG_TYPE, RangeError
// ERR_OUT_OF_RANGE) before any call into the library. These are checks of the JavaScript
// values only; every rule about keys, tokens and claims stays in the library.

const { codes } = require('./errors');
const { errorFor } = require('./results');

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

/** How a received value is described in an error message (never its contents). */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const ctor = value.constructor && value.constructor.name;
    return ctor ? `an instance of ${ctor}` : 'an object';
  }
  return `type ${typeof value}`;
}

function invalidType(name, expected, value) {
  const e = new TypeError(`The "${name}" argument must be ${expected}. Received ${describe(value)}`);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

function outOfRange(name, expected, value) {
  // Numbers are not secret; say which one was refused.
  const shown = typeof value === 'bigint' ? `${value}n` : String(value);
  const e = new RangeError(`The value of "${name}" is out of range. It must be ${expected}. Received ${shown}`);
  e.code = 'ERR_OUT_OF_RANGE';
  return e;
}

function invalidValue(name, reason) {
  const e = new TypeError(`The "${name}" argument ${reason}`);
  e.code = 'ERR_INVALID_ARG_VALUE';
  return e;
}

/**
 * A string's UTF-8 bytes. A string holding a lone surrogate has no UTF-8 form: refused with
 * the library's INVALID_UTF8 code rather than silently replaced with U+FFFD (which would change
 * a secret or an issuer without a word).
 */
function utf8(value, name) {
  if (typeof value !== 'string') throw invalidType(name, 'of type string', value);
  if (!value.isWellFormed()) {
    throw errorFor(codes.INVALID_UTF8, `"${name}" holds a lone UTF-16 surrogate`);
  }
  return Buffer.from(value, 'utf8');
}

/** Secret bytes from a string (UTF-8) or bytes (Buffer, Uint8Array, ArrayBuffer). */
function secretBytes(value, name) {
  if (typeof value === 'string') return { bytes: utf8(value, name), owned: true };
  if (value instanceof Uint8Array) return { bytes: value, owned: false };
  if (value instanceof ArrayBuffer) return { bytes: new Uint8Array(value), owned: false };
  throw invalidType(name, 'a string, Buffer, Uint8Array or ArrayBuffer', value);
}

/** An optional signed 64-bit count of seconds (`now`): number, bigint or Date. */
function int64(value, name) {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw outOfRange(name, 'a safe integer (use a BigInt beyond 2^53)', value);
    }
    return value;
  }
  if (typeof value === 'bigint') {
    if (value < I64_MIN || value > I64_MAX) throw outOfRange(name, '>= -(2^63) and <= 2^63 - 1', value);
    return value;
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw outOfRange(name, 'a valid Date', value);
    return Math.floor(ms / 1000);
  }
  throw invalidType(name, 'of type number or bigint, or a Date', value);
}

/** An unsigned 64-bit count (seconds, bytes): number or bigint. */
function uint64(value, name) {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw outOfRange(name, 'a non-negative safe integer (use a BigInt beyond 2^53)', value);
    }
    return value;
  }
  if (typeof value === 'bigint') {
    if (value < 0n || value > U64_MAX) throw outOfRange(name, '>= 0 and <= 2^64 - 1', value);
    return value;
  }
  throw invalidType(name, 'of type number or bigint', value);
}

/**
 * An options object: undefined means none. Names not in `allowed` are refused, so that a typo
 * (`maxlen`) does not silently leave a check at its default.
 */
function options(value, allowed, name = 'options') {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidType(name, 'an object', value);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw invalidValue(name, `has an unknown option "${key}" (expected ${allowed.join(', ')})`);
    }
  }
  return value;
}

module.exports = { describe, invalidType, outOfRange, invalidValue, utf8, secretBytes, int64, uint64, options };
