'use strict';
// Video SDK session tokens: minting (jwtmint_videosdk_mint over jwtmint_videosdk_options) and
// the verifier (jwtmint_videosdk_verifier). Zoom's rules (lengths, roles, regions, lifetime)
// are the library's: values are carried across as given.

const { native, koffi, VideoSdkOptions } = require('./native');
const { check } = require('./results');
const { invalidType, options, outOfRange, uint64, utf8 } = require('./args');
const { withKey } = require('./key');
const { nowFrom, withOutput } = require('./io');
const { SdkVerifier } = require('./verifier');

/** JWTMINT_VIDEOSDK_UNSET: an optional flag left out of the token (and an unset role). */
const UNSET = -1;
const ROLES = new Map([
  ['participant', 0],
  ['host', 1],
]);
const OPTIONAL_TEXT = {
  userIdentity: 'user_identity',
  userKey: 'user_key',
  sessionKey: 'session_key',
  telemetryTrackingId: 'telemetry_tracking_id',
};
const FLAGS = {
  cloudRecordingOption: 'cloud_recording_option',
  cloudRecordingElection: 'cloud_recording_election',
  videoWebrtcMode: 'video_webrtc_mode',
  audioWebrtcMode: 'audio_webrtc_mode',
};
const MINT_OPTIONS = ['appKey', 'tpc', 'role', 'geoRegions', 'ttl', 'skew', 'now', ...Object.keys(OPTIONAL_TEXT), ...Object.keys(FLAGS)];

// A non-NULL pointer for an empty text: (NULL, 0) would leave an optional claim out.
const EMPTY = Buffer.alloc(1);

/** A 32-bit integer field as given; the library decides whether Zoom accepts it. */
function int32(value, name) {
  if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) {
    throw outOfRange(name, 'a 32-bit integer', value);
  }
  return value;
}

function roleNumber(role) {
  if (role === undefined) return UNSET; // refused by the library: the role is required
  if (typeof role === 'string') {
    const n = ROLES.get(role);
    if (n === undefined) throw invalidType('role', '"participant", "host", 0 or 1', role);
    return n;
  }
  if (typeof role === 'number') return int32(role, 'role');
  throw invalidType('role', '"participant", "host", 0 or 1', role);
}

function flagNumber(value, name) {
  if (value === undefined) return UNSET;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return int32(value, name);
  throw invalidType(name, 'a boolean, 0 or 1', value);
}

/** Sets a (pointer, length) pair of the struct from a string; undefined leaves it NULL. */
function setText(struct, field, value, name) {
  if (value === undefined) return;
  const bytes = utf8(value, name);
  struct[field] = bytes.length === 0 ? EMPTY : bytes;
  struct[`${field}_len`] = bytes.length;
}

/**
 * A Video SDK session token signed with `key` (the Video SDK secret; a Key or the secret).
 *
 * Options: `appKey` and `tpc` (required), `role` ("participant"/"host" or 0/1, required),
 * `userIdentity`, `userKey` (Zoom's documented name for it, up to 36 units), `sessionKey`, `geoRegions` (array of region codes or "US,DE"),
 * `telemetryTrackingId`, the flags `cloudRecordingOption`, `cloudRecordingElection`,
 * `videoWebrtcMode`, `audioWebrtcMode` (booleans or 0/1), `ttl` (1800 to 172800 s, default
 * 7200), `skew` (default 30) and `now`. Payload members in the order of Zoom's sample.
 */
function mintVideoSdkToken(key, opts) {
  if (opts === undefined) throw invalidType('options', 'an object', opts);
  const o = options(opts, MINT_OPTIONS);
  const struct = {};
  check(native.videosdk_options_init(struct, koffi.sizeof(VideoSdkOptions)));
  setText(struct, 'app_key', o.appKey === undefined ? '' : o.appKey, 'appKey');
  setText(struct, 'tpc', o.tpc === undefined ? '' : o.tpc, 'tpc');
  for (const [name, field] of Object.entries(OPTIONAL_TEXT)) setText(struct, field, o[name], name);
  if (o.geoRegions !== undefined) {
    let list = o.geoRegions;
    if (Array.isArray(list)) {
      for (const region of list) if (typeof region !== 'string') throw invalidType('geoRegions[]', 'of type string', region);
      list = list.join(',');
    }
    setText(struct, 'geo_regions', list, 'geoRegions');
  }
  struct.role = roleNumber(o.role);
  for (const [name, field] of Object.entries(FLAGS)) struct[field] = flagNumber(o[name], name);
  if (o.ttl !== undefined) struct.ttl = uint64(o.ttl, 'ttl');
  if (o.skew !== undefined) struct.skew = uint64(o.skew, 'skew');
  const now = nowFrom(o);
  let textBytes = 0;
  for (const field of ['app_key', 'tpc', 'user_identity', 'user_key', 'session_key', 'geo_regions', 'telemetry_tracking_id']) {
    textBytes += struct[`${field}_len`];
  }
  return withKey(key, 'key', (keyPtr) =>
    withOutput(512 + textBytes * 2, 'latin1', (out, cap, len) => native.videosdk_mint(keyPtr, struct, now, out, cap, len)),
  );
}

/** JWTMINT_TPC_UNDOCUMENTED_CHARACTER and JWTMINT_TPC_NOT_LOWER_CASE. */
const TPC_UNDOCUMENTED_CHARACTER = 1;
const TPC_NOT_LOWER_CASE = 2;

/**
 * What Zoom documents about the session name `tpc` that minting does not refuse, as a bit
 * mask of TPC_UNDOCUMENTED_CHARACTER and TPC_NOT_LOWER_CASE (0: nothing); for a warning.
 */
function videoSdkTpcNotes(tpc) {
  const bytes = utf8(tpc, 'tpc');
  const notes = [0];
  check(native.videosdk_tpc_notes(bytes.length === 0 ? EMPTY : bytes, bytes.length, notes));
  return notes[0];
}

class VideoSdkVerifier extends SdkVerifier {
  /**
   * Verifies Video SDK tokens of the SDK key `appKey` under `key` (the Video SDK secret):
   * `app_key`, `tpc`, `role_type`, `version`, `iat`, `exp` required and every claim within
   * Zoom's rules. Options: `leeway` (default 60 s), `maxLen` (default 8192 bytes). verify()
   * returns Zoom's members only, flags as 0/1.
   */
  constructor(key, appKey, opts) {
    const appKeyBytes = utf8(appKey, 'appKey');
    super(key, opts, {
      make: (keyPtr, out) => native.videosdk_verifier_new(keyPtr, appKeyBytes, appKeyBytes.length, out),
      free: native.videosdk_verifier_free,
      setLeeway: native.videosdk_verifier_set_leeway,
      setMaxLen: native.videosdk_verifier_set_max_len,
      verify: native.videosdk_verifier_verify,
    });
  }
}

module.exports = {
  mintVideoSdkToken, VideoSdkVerifier, videoSdkTpcNotes, TPC_UNDOCUMENTED_CHARACTER, TPC_NOT_LOWER_CASE,
  UNSET, roleNumber, flagNumber,
};
