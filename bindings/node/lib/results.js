'use strict';
// A result code of the C ABI made into the error to throw: the class follows from the code
// alone, by the first range below that holds it.

const errors = require('./errors');

/** [from, to) ranges of codes and their class; a code in none is a plain JwtMintError. */
const CLASSES = [
  [100, 103, errors.InvalidKeyError],
  [200, 300, errors.MalformedTokenError],
  [300, 400, errors.UnsupportedHeaderError],
  [400, 500, errors.InvalidSignatureError],
  [500, 501, errors.ExpiredError],
  [500, 600, errors.ClaimsError],
  [620, 640, errors.WebhookError],
];

/** The class of error for a code. */
function classFor(code) {
  const found = CLASSES.find(([from, to]) => code >= from && code < to);
  return found ? found[2] : errors.JwtMintError;
}

/** The error for a non-zero result code of the C ABI. */
function errorFor(code, detail) {
  const Class = classFor(code);
  return new Class(code, detail);
}

/**
 * The error for a result of verifying a token: as errorFor, except that the Video SDK claim
 * codes (600-619) and the Meeting SDK ones (640-659), which minting also returns for bad
 * arguments, are a ClaimsError here (the token was rejected).
 */
function tokenErrorFor(code) {
  if ((code >= 600 && code < 620) || (code >= 640 && code < 660)) return new errors.ClaimsError(code);
  return errorFor(code);
}

/** Throws the error for `code` unless it is OK. */
function check(code) {
  if (code !== errors.codes.OK) throw errorFor(code);
}

module.exports = { classFor, errorFor, tokenErrorFor, check };
