'use strict';
// Buffers between JavaScript and the library: inputs made into bytes, outputs read back.
//
// A realm runs one JavaScript call at a time and every library call here is synchronous, so
// one set of scratch buffers per realm (per worker) is enough: each call is done with them
// before the next starts, and results are copied out as strings before returning.

const { native } = require('./native');
const { codes } = require('./errors');
const { errorFor } = require('./results');
const { invalidType, int64, options } = require('./args');

const SCRATCH_SIZE = 16 * 1024;
const tokenScratch = Buffer.alloc(SCRATCH_SIZE);
const outScratch = Buffer.alloc(SCRATCH_SIZE);
// size_t *out_len and int64_t *now, written by the library.
const outLen = Buffer.alloc(8);
const clock = Buffer.alloc(8);

/** The length the library wrote to `*out_len`. */
function readOutLen() {
  return outLen.readUInt32LE(0) + outLen.readUInt32LE(4) * 0x1_0000_0000;
}

/** The system clock, in whole seconds since the Unix epoch, as the library reads it. */
function clockNow() {
  const rc = native.now(clock);
  if (rc !== 0) throw errorFor(rc);
  const seconds = clock.readBigInt64LE(0);
  return seconds >= -(2n ** 53n) && seconds <= 2n ** 53n ? Number(seconds) : seconds;
}

/** `now` from a checked options object, or the system clock. */
function nowFrom(opts) {
  return opts.now === undefined ? clockNow() : int64(opts.now, 'now');
}

/** `now` from a call's options object (only `now` allowed), or the system clock. */
function nowOption(opts) {
  return opts === undefined ? clockNow() : nowFrom(options(opts, ['now']));
}

/**
 * A token's bytes: a string as UTF-8 (into the scratch buffer when it fits), bytes as given.
 * A string that is not a token (non-ASCII, lone surrogates) still becomes bytes, for the
 * library to reject with its own code.
 */
function tokenBytes(token) {
  if (typeof token === 'string') {
    if (token.length * 3 <= SCRATCH_SIZE) {
      return tokenScratch.subarray(0, tokenScratch.utf8Write(token, 0));
    }
    return Buffer.from(token, 'utf8');
  }
  if (token instanceof Uint8Array) return token;
  throw invalidType('token', 'a string, Buffer or Uint8Array', token);
}

/**
 * Calls `call(out, cap, outLen)` with an output buffer of at least `cap` bytes and returns
 * the written text, decoded as `encoding`. When the library reports BUFFER_TOO_SMALL, retries
 * once with the size it asked for (plus the NUL), as the C ABI documents. Other failures are
 * thrown as `makeError(code)`.
 */
function withOutput(cap, encoding, call, makeError = errorFor) {
  let out = cap <= SCRATCH_SIZE ? outScratch : Buffer.allocUnsafe(cap);
  let rc = call(out, out.length, outLen);
  if (rc === codes.BUFFER_TOO_SMALL) {
    out = Buffer.allocUnsafe(readOutLen() + 1);
    rc = call(out, out.length, outLen);
  }
  if (rc !== 0) throw makeError(rc);
  return out.toString(encoding, 0, readOutLen());
}

/**
 * The claims JSON `verify(ptr, token, token_len, now, out, cap, out_len)` writes for `token` at
 * the `now` of `opts`. The token's length is the first guess (a plain verifier's payload is
 * never longer; a Video SDK verifier re-serializes its claims, and a longer result takes the
 * retry).
 */
function verifiedJson(verify, ptr, token, opts, makeError = errorFor) {
  const bytes = tokenBytes(token);
  const now = nowOption(opts);
  return withOutput(
    bytes.length + 1,
    'utf8',
    (out, cap, len) => verify(ptr, bytes, bytes.length, now, out, cap, len),
    makeError,
  );
}

module.exports = { outLen, readOutLen, clockNow, nowFrom, nowOption, tokenBytes, withOutput, verifiedJson, SCRATCH_SIZE };
