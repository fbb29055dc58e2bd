'use strict';
// Meeting SDK tokens: minting (jwtmint_meetingsdk_mint) and the verifier
// (jwtmint_meetingsdk_verifier). Zoom's rules (mn digits, role, mn and role together,
// lifetime) are the library's: values are carried across as given.

const { native } = require('./native');
const { invalidType, options, outOfRange, uint64, utf8 } = require('./args');
const { withKey } = require('./key');
const { nowFrom, withOutput } = require('./io');
const { SdkVerifier } = require('./verifier');
const { UNSET, flagNumber, roleNumber } = require('./videosdk');

/** The lifetime of Zoom's sample: two hours. */
const MEETINGSDK_DEFAULT_TTL = 7200;
const MINT_OPTIONS = ['sdkKey', 'mn', 'role', 'videoWebrtcMode', 'ttl', 'skew', 'now'];

/**
 * A Meeting SDK token signed with `key` (the Meeting SDK secret; a Key or the secret).
 *
 * Options: `sdkKey` (required; written as appKey and sdkKey), `mn` (the meeting or webinar
 * number, a string of digits) with `role` ("participant"/"host" or 0/1) — both or neither —,
 * `videoWebrtcMode` (boolean or 0/1), `ttl` (1800 to 172800 s, default 7200), `skew`
 * (default 30; 0 is exactly Zoom's sample) and `now`. Payload members in the order of Zoom's
 * meetingsdk-auth-endpoint-sample.
 */
function mintMeetingSdkToken(key, opts) {
  if (opts === undefined) throw invalidType('options', 'an object', opts);
  const o = options(opts, MINT_OPTIONS);
  const sdkKey = utf8(o.sdkKey === undefined ? '' : o.sdkKey, 'sdkKey');
  // A NULL pointer leaves mn out; an empty string is given (and refused by the library).
  const mn = o.mn === undefined ? null : utf8(o.mn, 'mn');
  const role = o.role === undefined ? UNSET : roleNumber(o.role);
  // -1 is the C ABI's "unset": refused here so that it never means that by accident.
  if (o.role !== undefined && role < 0) throw outOfRange('role', '"participant", "host", 0 or 1', o.role);
  const webrtc = flagNumber(o.videoWebrtcMode, 'videoWebrtcMode');
  const ttl = uint64(o.ttl === undefined ? MEETINGSDK_DEFAULT_TTL : o.ttl, 'ttl');
  const skew = uint64(o.skew === undefined ? 30 : o.skew, 'skew');
  const now = nowFrom(o);
  const mnLen = mn === null ? 0 : mn.length;
  return withKey(key, 'key', (keyPtr) =>
    withOutput(512 + (sdkKey.length * 2 + mnLen) * 8, 'latin1', (out, cap, len) =>
      native.meetingsdk_mint(keyPtr, sdkKey, sdkKey.length, mnLen === 0 && mn !== null ? Buffer.alloc(1) : mn, mnLen,
        role, webrtc, ttl, skew, now, out, cap, len),
    ),
  );
}

class MeetingSdkVerifier extends SdkVerifier {
  /**
   * Verifies Meeting SDK tokens under `key` (the Meeting SDK secret): `iat`, `exp`,
   * `tokenExp` required and Zoom's documented rules. `sdkKey`, when given, is the SDK key the
   * tokens must name; undefined accepts any. Options: `leeway` (default 60 s), `maxLen`
   * (default 8192 bytes). verify() returns the sample's members, mn as a string.
   */
  constructor(key, sdkKey, opts) {
    const keyBytes = sdkKey === undefined ? null : utf8(sdkKey, 'sdkKey');
    super(key, opts, {
      make: (keyPtr, out) =>
        native.meetingsdk_verifier_new(keyPtr, keyBytes !== null && keyBytes.length === 0 ? Buffer.alloc(1) : keyBytes,
          keyBytes === null ? 0 : keyBytes.length, out),
      free: native.meetingsdk_verifier_free,
      setLeeway: native.meetingsdk_verifier_set_leeway,
      setMaxLen: native.meetingsdk_verifier_set_max_len,
      verify: native.meetingsdk_verifier_verify,
    });
  }
}

module.exports = { mintMeetingSdkToken, MeetingSdkVerifier, MEETINGSDK_DEFAULT_TTL };
