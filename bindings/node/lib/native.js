'use strict';
// Loads libjwtmint through koffi and declares its C ABI (include/jwtmint.h), once per
// JavaScript realm: each worker thread that requires jwtmint runs this file again, and the
// operating system hands every realm the same loaded library.
//
// Outputs the hot paths read (lengths, the clock) go through Buffers passed as plain
// pointers, not koffi's `_Out_` arrays, which cost about a microsecond per call. Handles are
// koffi pointers (BigInt values) and never leave lib/handle.js's owners.

const koffi = require('koffi');
const locate = require('./locate');

/** The C ABI version this binding is written against (JWTMINT_ABI_VERSION). */
const ABI_VERSION = 2;

function load() {
  const found = locate.findLibrary();
  if (found) {
    try {
      return koffi.load(found.file);
    } catch (e) {
      throw new Error(`jwtmint: cannot load ${found.file} (${found.why}): ${e.message}`);
    }
  }
  if (process.env.JWTMINT_LIB) throw new Error(locate.notFoundMessage());
  // Last resort: the system's library path (LD_LIBRARY_PATH, or an `ffi/install.sh` prefix
  // known to the dynamic loader).
  try {
    return koffi.load(locate.libraryFileName());
  } catch {
    throw new Error(locate.notFoundMessage() + ' The system library path has none either.');
  }
}

const lib = load();

// Checked before any other function is looked up: a library of another ABI may lack them.
const loaded = lib.func('uint32_t jwtmint_abi_version(void)')();
if (loaded !== ABI_VERSION) {
  throw new Error(
    `jwtmint: the loaded libjwtmint has C ABI version ${loaded}, this binding needs ${ABI_VERSION}: ` +
      'rebuild the library from the same checkout (`ffi/build-lib.sh`).',
  );
}

// Opaque handle types: a pointer of one cannot be passed where another is expected.
koffi.opaque('jwtmint_key');
koffi.opaque('jwtmint_api_minter');
koffi.opaque('jwtmint_verifier');

const f = (proto) => lib.func(proto);

const native = {
  abi_version: f('uint32_t jwtmint_abi_version(void)'),
  version: f('const char *jwtmint_version(void)'),
  result_str: f('const char *jwtmint_result_str(uint32_t code)'),
  result_name: f('const char *jwtmint_result_name(uint32_t code)'),
  // int64_t *out, as an 8-byte Buffer.
  now: f('uint32_t jwtmint_now(void *out)'),

  key_new: f('uint32_t jwtmint_key_new(const uint8_t *secret, size_t secret_len, _Out_ jwtmint_key **out)'),
  key_new_encoded: f(
    'uint32_t jwtmint_key_new_encoded(const uint8_t *text, size_t text_len, uint32_t encoding, _Out_ jwtmint_key **out)',
  ),
  key_free: f('void jwtmint_key_free(jwtmint_key *key)'),

  api_minter_new: f(
    'uint32_t jwtmint_api_minter_new(const jwtmint_key *key, const uint8_t *api_key, size_t api_key_len, ' +
      'uint64_t skew, uint64_t ttl, _Out_ jwtmint_api_minter **out)',
  ),
  api_minter_free: f('void jwtmint_api_minter_free(jwtmint_api_minter *minter)'),
  api_minter_max_token_len: f('size_t jwtmint_api_minter_max_token_len(const jwtmint_api_minter *minter)'),
  api_minter_mint: f(
    'uint32_t jwtmint_api_minter_mint(const jwtmint_api_minter *minter, int64_t now, ' +
      'uint8_t *out, size_t cap, void *out_len)',
  ),
  mint_api_token: f(
    'uint32_t jwtmint_mint_api_token(const jwtmint_key *key, const uint8_t *api_key, size_t api_key_len, ' +
      'int64_t now, uint64_t skew, uint64_t ttl, uint8_t *out, size_t cap, void *out_len)',
  ),
  mint_json: f(
    'uint32_t jwtmint_mint_json(const jwtmint_key *key, const uint8_t *claims_json, size_t claims_len, ' +
      'uint8_t *out, size_t cap, void *out_len)',
  ),

  verifier_new: f('uint32_t jwtmint_verifier_new(const jwtmint_key *key, _Out_ jwtmint_verifier **out)'),
  verifier_new_zoom_api: f(
    'uint32_t jwtmint_verifier_new_zoom_api(const jwtmint_key *key, const uint8_t *api_key, size_t api_key_len, ' +
      '_Out_ jwtmint_verifier **out)',
  ),
  verifier_free: f('void jwtmint_verifier_free(jwtmint_verifier *verifier)'),
  verifier_set_leeway: f('uint32_t jwtmint_verifier_set_leeway(jwtmint_verifier *verifier, uint64_t seconds)'),
  verifier_set_max_len: f('uint32_t jwtmint_verifier_set_max_len(jwtmint_verifier *verifier, size_t max_len)'),
  verifier_set_issuer: f(
    'uint32_t jwtmint_verifier_set_issuer(jwtmint_verifier *verifier, const uint8_t *issuer, size_t issuer_len)',
  ),
  verifier_set_audience: f(
    'uint32_t jwtmint_verifier_set_audience(jwtmint_verifier *verifier, const uint8_t *audience, size_t audience_len)',
  ),
  verifier_require_claim: f(
    'uint32_t jwtmint_verifier_require_claim(jwtmint_verifier *verifier, const uint8_t *name, size_t name_len)',
  ),
  verifier_clear_required_claims: f('uint32_t jwtmint_verifier_clear_required_claims(jwtmint_verifier *verifier)'),
  verifier_check: f(
    'uint32_t jwtmint_verifier_check(const jwtmint_verifier *verifier, const uint8_t *token, size_t token_len, int64_t now)',
  ),
  verifier_verify: f(
    'uint32_t jwtmint_verifier_verify(const jwtmint_verifier *verifier, const uint8_t *token, size_t token_len, ' +
      'int64_t now, uint8_t *out, size_t cap, void *out_len)',
  ),
};

koffi.opaque('jwtmint_api_token_cache');
koffi.opaque('jwtmint_videosdk_verifier');
koffi.opaque('jwtmint_webhook');
koffi.opaque('jwtmint_meetingsdk_verifier');

/** jwtmint_videosdk_options, field for field (the library checks struct_size). */
const VideoSdkOptions = koffi.struct('jwtmint_videosdk_options', {
  struct_size: 'size_t',
  app_key: 'const uint8_t *',
  app_key_len: 'size_t',
  tpc: 'const uint8_t *',
  tpc_len: 'size_t',
  user_identity: 'const uint8_t *',
  user_identity_len: 'size_t',
  session_key: 'const uint8_t *',
  session_key_len: 'size_t',
  geo_regions: 'const uint8_t *',
  geo_regions_len: 'size_t',
  telemetry_tracking_id: 'const uint8_t *',
  telemetry_tracking_id_len: 'size_t',
  ttl: 'uint64_t',
  skew: 'uint64_t',
  role: 'int32_t',
  cloud_recording_option: 'int32_t',
  cloud_recording_election: 'int32_t',
  video_webrtc_mode: 'int32_t',
  audio_webrtc_mode: 'int32_t',
  user_key: 'const uint8_t *',
  user_key_len: 'size_t',
});

// The Zoom extras: API token cache, Video SDK tokens, Meeting SDK tokens, webhooks.
Object.assign(native, {
  api_token_cache_new: f(
    'uint32_t jwtmint_api_token_cache_new(const jwtmint_api_minter *minter, uint64_t refresh_margin, ' +
      '_Out_ jwtmint_api_token_cache **out)',
  ),
  api_token_cache_free: f('void jwtmint_api_token_cache_free(jwtmint_api_token_cache *cache)'),
  api_token_cache_token: f(
    'uint32_t jwtmint_api_token_cache_token(const jwtmint_api_token_cache *cache, int64_t now, ' +
      'uint8_t *out, size_t cap, void *out_len)',
  ),
  api_token_cache_clear: f('uint32_t jwtmint_api_token_cache_clear(const jwtmint_api_token_cache *cache)'),
  api_token_cache_mint_count: f('uint64_t jwtmint_api_token_cache_mint_count(const jwtmint_api_token_cache *cache)'),

  videosdk_options_init: f('uint32_t jwtmint_videosdk_options_init(_Out_ jwtmint_videosdk_options *options, size_t struct_size)'),
  videosdk_mint: f(
    'uint32_t jwtmint_videosdk_mint(const jwtmint_key *key, const jwtmint_videosdk_options *options, ' +
      'int64_t now, uint8_t *out, size_t cap, void *out_len)',
  ),
  videosdk_verifier_new: f(
    'uint32_t jwtmint_videosdk_verifier_new(const jwtmint_key *key, const uint8_t *app_key, size_t app_key_len, ' +
      '_Out_ jwtmint_videosdk_verifier **out)',
  ),
  videosdk_verifier_free: f('void jwtmint_videosdk_verifier_free(jwtmint_videosdk_verifier *verifier)'),
  videosdk_verifier_set_leeway: f('uint32_t jwtmint_videosdk_verifier_set_leeway(jwtmint_videosdk_verifier *verifier, uint64_t seconds)'),
  videosdk_verifier_set_max_len: f('uint32_t jwtmint_videosdk_verifier_set_max_len(jwtmint_videosdk_verifier *verifier, size_t max_len)'),
  videosdk_verifier_verify: f(
    'uint32_t jwtmint_videosdk_verifier_verify(const jwtmint_videosdk_verifier *verifier, ' +
      'const uint8_t *token, size_t token_len, int64_t now, uint8_t *out, size_t cap, void *out_len)',
  ),

  videosdk_tpc_notes: f('uint32_t jwtmint_videosdk_tpc_notes(const uint8_t *tpc, size_t tpc_len, _Out_ uint32_t *notes)'),
  meetingsdk_mint: f(
    'uint32_t jwtmint_meetingsdk_mint(const jwtmint_key *key, const uint8_t *sdk_key, size_t sdk_key_len, ' +
      'const uint8_t *mn, size_t mn_len, int32_t role, int32_t video_webrtc_mode, uint64_t ttl, uint64_t skew, ' +
      'int64_t now, uint8_t *out, size_t cap, void *out_len)',
  ),
  meetingsdk_verifier_new: f(
    'uint32_t jwtmint_meetingsdk_verifier_new(const jwtmint_key *key, const uint8_t *sdk_key, size_t sdk_key_len, ' +
      '_Out_ jwtmint_meetingsdk_verifier **out)',
  ),
  meetingsdk_verifier_free: f('void jwtmint_meetingsdk_verifier_free(jwtmint_meetingsdk_verifier *verifier)'),
  meetingsdk_verifier_set_leeway: f('uint32_t jwtmint_meetingsdk_verifier_set_leeway(jwtmint_meetingsdk_verifier *verifier, uint64_t seconds)'),
  meetingsdk_verifier_set_max_len: f('uint32_t jwtmint_meetingsdk_verifier_set_max_len(jwtmint_meetingsdk_verifier *verifier, size_t max_len)'),
  meetingsdk_verifier_verify: f(
    'uint32_t jwtmint_meetingsdk_verifier_verify(const jwtmint_meetingsdk_verifier *verifier, ' +
      'const uint8_t *token, size_t token_len, int64_t now, uint8_t *out, size_t cap, void *out_len)',
  ),

  webhook_new: f('uint32_t jwtmint_webhook_new(const uint8_t *secret, size_t secret_len, _Out_ jwtmint_webhook **out)'),
  webhook_free: f('void jwtmint_webhook_free(jwtmint_webhook *webhook)'),
  webhook_set_tolerance: f('uint32_t jwtmint_webhook_set_tolerance(jwtmint_webhook *webhook, uint64_t seconds)'),
  webhook_verify: f(
    'uint32_t jwtmint_webhook_verify(const jwtmint_webhook *webhook, const uint8_t *timestamp, size_t timestamp_len, ' +
      'const uint8_t *body, size_t body_len, const uint8_t *signature, size_t signature_len, int64_t now, ' +
      'void *out_timestamp)',
  ),
  webhook_url_validation: f(
    'uint32_t jwtmint_webhook_url_validation(const jwtmint_webhook *webhook, const uint8_t *timestamp, ' +
      'size_t timestamp_len, const uint8_t *body, size_t body_len, const uint8_t *signature, size_t signature_len, ' +
      'int64_t now, uint8_t *out, size_t cap, void *out_len)',
  ),
  webhook_sign: f(
    'uint32_t jwtmint_webhook_sign(const jwtmint_webhook *webhook, uint64_t timestamp, const uint8_t *body, ' +
      'size_t body_len, uint8_t *out, size_t cap, void *out_len)',
  ),
});

module.exports = { native, koffi, ABI_VERSION, VideoSdkOptions };
