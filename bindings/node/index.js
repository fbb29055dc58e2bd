'use strict';
// jwtmint for Node.js: strict, fast HS256 JWTs for Zoom's APIs, over libjwtmint's C ABI.
// See README.md and index.d.ts.
//
// The exports are written so that Node's CommonJS analysis sees every name (shorthand
// properties, and the spread of lib/errors.js's own list): index.mjs re-exports them all.

const { native, ABI_VERSION } = require('./lib/native');
const { Key } = require('./lib/key');
const { ApiTokenMinter, mintApiToken, mint, mintJson, DEFAULT_SKEW, DEFAULT_TTL } = require('./lib/minter');
const { Verifier } = require('./lib/verifier');
const { ApiTokenCache, DEFAULT_REFRESH_MARGIN } = require('./lib/cache');
const {
  mintVideoSdkToken, VideoSdkVerifier, videoSdkTpcNotes, TPC_UNDOCUMENTED_CHARACTER, TPC_NOT_LOWER_CASE,
} = require('./lib/videosdk');
const { mintMeetingSdkToken, MeetingSdkVerifier, MEETINGSDK_DEFAULT_TTL } = require('./lib/meetingsdk');
const { Webhook } = require('./lib/webhook');
const { clockNow } = require('./lib/io');

/** The loaded library's version ("0.1.0"). */
function version() {
  return native.version();
}

/** The system clock in whole seconds since the Unix epoch, as the library reads it. */
function now() {
  return clockNow();
}

module.exports = {
  Key,
  ApiTokenMinter,
  Verifier,
  ApiTokenCache,
  VideoSdkVerifier,
  MeetingSdkVerifier,
  Webhook,
  mintApiToken,
  mintVideoSdkToken,
  mintMeetingSdkToken,
  videoSdkTpcNotes,
  mint,
  mintJson,
  now,
  version,
  ABI_VERSION,
  DEFAULT_SKEW,
  DEFAULT_TTL,
  DEFAULT_REFRESH_MARGIN,
  MEETINGSDK_DEFAULT_TTL,
  TPC_UNDOCUMENTED_CHARACTER,
  TPC_NOT_LOWER_CASE,
  // codes and the error classes.
  ...require('./lib/errors'),
};
