'use strict';
// The Zoom extras of the C ABI: Video SDK session tokens, webhook signatures and URL
// validation, and the API token cache. Expected tokens and signatures are computed here with
// node:crypto (and jsrsasign, the library of Zoom's samples), never taken from jwtmint.

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const KJUR = require('jsrsasign');
const {
  Key,
  ApiTokenMinter,
  ApiTokenCache,
  VideoSdkVerifier,
  Webhook,
  mintVideoSdkToken,
  JwtMintError,
  TokenError,
  ClaimsError,
  ExpiredError,
  InvalidSignatureError,
  WebhookError,
  ClosedError,
} = require('..');
const { signWithNodeCrypto } = require('./helpers');

const NOW = 1_700_000_000;
const SDK_SECRET = 'Zoom-Video-SDK-Secret-Of-36-Chars-XY';
const APP_KEY = 'abcdefghijklmnopqrstuv';
const HEADER = '{"alg":"HS256","typ":"JWT"}';

const payloadOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

/** Asserts a JwtMintError of `Class` with `code`. */
function throwsCode(call, Class, code) {
  assert.throws(call, (e) => {
    assert.ok(e instanceof Class, `${e && e.name} (${e && e.code}) is not a ${Class.name}`);
    assert.equal(e.code, code);
    return true;
  });
}

test('Video SDK: tokens are Zoom\'s payload, in Zoom\'s order, signed as node:crypto and jsrsasign sign it', () => {
  const key = new Key(SDK_SECRET);
  const iat = NOW - 30;
  const required = { app_key: APP_KEY, role_type: 1, tpc: 'team standup', version: 1, iat, exp: iat + 7200 };
  const token = mintVideoSdkToken(key, { appKey: APP_KEY, tpc: 'team standup', role: 'host', now: NOW });
  assert.equal(token, signWithNodeCrypto(SDK_SECRET, HEADER, JSON.stringify(required)));
  assert.equal(mintVideoSdkToken(SDK_SECRET, { appKey: APP_KEY, tpc: 'team standup', role: 1, now: NOW }), token);

  // Every field, as Zoom's videosdk-auth-endpoint-sample builds it with jsrsasign.
  const every = {
    app_key: APP_KEY,
    role_type: 0,
    tpc: 'café "quoted" 😀',
    version: 1,
    iat: NOW,
    exp: NOW + 1800,
    user_identity: 'user-42',
    session_key: 'sess-7',
    geo_regions: 'US,DE',
    cloud_recording_option: 1,
    cloud_recording_election: 0,
    telemetry_tracking_id: 'trace-1',
    video_webrtc_mode: 1,
    audio_webrtc_mode: 0,
  };
  const theirs = KJUR.jws.JWS.sign('HS256', HEADER, JSON.stringify(every), SDK_SECRET);
  const ours = mintVideoSdkToken(key, {
    appKey: APP_KEY,
    tpc: every.tpc,
    role: 'participant',
    userIdentity: 'user-42',
    sessionKey: 'sess-7',
    geoRegions: ['US', 'DE'],
    cloudRecordingOption: true,
    cloudRecordingElection: false,
    telemetryTrackingId: 'trace-1',
    videoWebrtcMode: 1,
    audioWebrtcMode: 0,
    ttl: 1800,
    skew: 0,
    now: NOW,
  });
  assert.equal(ours, theirs);
  assert.equal(ours, signWithNodeCrypto(SDK_SECRET, HEADER, JSON.stringify(every)));

  // An optional text given as '' is set to ''; left out, it is absent.
  assert.equal(payloadOf(mintVideoSdkToken(key, { appKey: APP_KEY, tpc: 't', role: 0, userIdentity: '', now: NOW })).user_identity, '');
  assert.ok(!('user_identity' in payloadOf(mintVideoSdkToken(key, { appKey: APP_KEY, tpc: 't', role: 0, now: NOW }))));
});

test('Video SDK: Zoom\'s rules are the library\'s, with their codes', () => {
  const key = new Key(SDK_SECRET);
  const base = { appKey: APP_KEY, tpc: 'standup', role: 'host', now: NOW };
  throwsCode(() => mintVideoSdkToken(key, { ...base, role: undefined }), JwtMintError, 606);
  throwsCode(() => mintVideoSdkToken(key, { ...base, role: 2 }), JwtMintError, 606);
  throwsCode(() => mintVideoSdkToken(key, { ...base, videoWebrtcMode: 2 }), JwtMintError, 606);
  throwsCode(() => mintVideoSdkToken(key, { ...base, tpc: '' }), JwtMintError, 600);
  throwsCode(() => mintVideoSdkToken(key, { ...base, appKey: '' }), JwtMintError, 600);
  throwsCode(() => mintVideoSdkToken(key, { ...base, tpc: 'x'.repeat(201) }), JwtMintError, 601);
  mintVideoSdkToken(key, { ...base, tpc: 'x'.repeat(200) });
  // Zoom counts UTF-16 code units: 100 emoji are 200 units, 101 are too many.
  mintVideoSdkToken(key, { ...base, tpc: '😀'.repeat(100) });
  throwsCode(() => mintVideoSdkToken(key, { ...base, tpc: '😀'.repeat(101) }), JwtMintError, 601);
  throwsCode(() => mintVideoSdkToken(key, { ...base, userIdentity: 'u'.repeat(36) }), JwtMintError, 601);
  throwsCode(() => mintVideoSdkToken(key, { ...base, geoRegions: ['XX'] }), JwtMintError, 602);
  throwsCode(() => mintVideoSdkToken(key, { ...base, geoRegions: 'US, DE' }), JwtMintError, 602);
  throwsCode(() => mintVideoSdkToken(key, { ...base, geoRegions: ['US', 'US'] }), JwtMintError, 603);
  throwsCode(() => mintVideoSdkToken(key, { ...base, ttl: 1799 }), JwtMintError, 604);
  throwsCode(() => mintVideoSdkToken(key, { ...base, ttl: 172_801 }), JwtMintError, 604);
  throwsCode(() => mintVideoSdkToken(key, { ...base, skew: 7200 }), JwtMintError, 103);
  // Minting refusals are argument errors, not a rejected token.
  assert.throws(() => mintVideoSdkToken(key, { ...base, tpc: '' }), (e) => !(e instanceof TokenError));
  for (const bad of [
    () => mintVideoSdkToken(key),
    () => mintVideoSdkToken(key, { ...base, appKey: 5 }),
    () => mintVideoSdkToken(key, { ...base, role: 'admin' }),
    () => mintVideoSdkToken(key, { ...base, role: true }),
    () => mintVideoSdkToken(key, { ...base, cloudRecordingOption: 'yes' }),
    () => mintVideoSdkToken(key, { ...base, geoRegions: [1] }),
    () => mintVideoSdkToken(key, { ...base, sessionkey: 's' }),
    () => mintVideoSdkToken(42, base),
  ]) {
    assert.throws(bad, TypeError);
  }
  assert.throws(() => mintVideoSdkToken(key, { ...base, role: 2 ** 31 }), RangeError);
});

test('Video SDK: the verifier accepts Zoom\'s tokens and rejects the rest as TokenErrors', () => {
  const key = new Key(SDK_SECRET);
  const verifier = new VideoSdkVerifier(key, APP_KEY);
  const claims = { app_key: APP_KEY, role_type: 0, tpc: 'standup', version: 1, iat: NOW - 30, exp: NOW + 1770, user_identity: 'u1' };
  const token = signWithNodeCrypto(SDK_SECRET, HEADER, JSON.stringify(claims));
  assert.deepEqual(verifier.verify(token, { now: NOW }), claims);
  assert.equal(verifier.verifyJson(token, { now: NOW }), JSON.stringify(claims));
  // Flags are the numbers 0 and 1, as Zoom's sample writes them; a boolean is the wrong type.
  const withFlag = { ...claims, video_webrtc_mode: 1 };
  assert.deepEqual(verifier.verify(signWithNodeCrypto(SDK_SECRET, HEADER, JSON.stringify(withFlag)), { now: NOW }), withFlag);
  const withBool = signWithNodeCrypto(SDK_SECRET, HEADER, JSON.stringify({ ...claims, video_webrtc_mode: true }));
  throwsCode(() => verifier.verify(withBool, { now: NOW }), ClaimsError, 507);

  throwsCode(() => new VideoSdkVerifier(key, 'other-app').verify(token, { now: NOW }), ClaimsError, 605);
  throwsCode(() => verifier.verify(token, { now: NOW + 1770 + 60 }), ExpiredError, 500);
  throwsCode(() => verifier.verify(signWithNodeCrypto(`${SDK_SECRET}!`, HEADER, JSON.stringify(claims)), { now: NOW }), InvalidSignatureError, 400);
  const forge = (c) => signWithNodeCrypto(SDK_SECRET, HEADER, JSON.stringify(c));
  throwsCode(() => verifier.verify(forge({ ...claims, role_type: '1' }), { now: NOW }), ClaimsError, 507);
  throwsCode(() => verifier.verify(forge({ ...claims, role_type: 7 }), { now: NOW }), ClaimsError, 606);
  throwsCode(() => verifier.verify(forge({ ...claims, tpc: '' }), { now: NOW }), ClaimsError, 600);
  throwsCode(() => verifier.verify(forge({ ...claims, geo_regions: 'XX' }), { now: NOW }), ClaimsError, 602);
  throwsCode(() => verifier.verify(forge({ ...claims, exp: NOW + 172_801 }), { now: NOW }), ClaimsError, 604);
  const { version, ...noVersion } = claims;
  void version;
  throwsCode(() => verifier.verify(forge(noVersion), { now: NOW }), ClaimsError, 503);
  // Options.
  throwsCode(() => new VideoSdkVerifier(key, APP_KEY, { maxLen: 50 }).verify(token, { now: NOW }), TokenError, 200);
  throwsCode(() => new VideoSdkVerifier(key, APP_KEY, { leeway: 0 }).verify(token, { now: NOW + 1770 }), ExpiredError, 500);
  assert.throws(() => new VideoSdkVerifier(key, APP_KEY, { leway: 0 }), TypeError);
  assert.throws(() => verifier.verify(42), TypeError);
  verifier.close();
  assert.throws(() => verifier.verify(token, { now: NOW }), ClosedError);
});

// The brief's vector: Zoom's url_validation example.
const WEBHOOK_SECRET = 'ZOOM_WEBHOOK_SECRET_TOKEN';
const WEBHOOK_TS = 1_700_000_000;
const WEBHOOK_BODY = '{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}';
const WEBHOOK_SIGNATURE = 'v0=89802a78f4471ac2b4d938060097ad6c70b85a41cdf00d14425b1c5e641d0918';
const ENCRYPTED_TOKEN = '86b96838c461c5cafc27d6631f663bbfd12746efb4293fc18dce8af8f1aaad30';

test('webhook: the Zoom example signs, verifies and answers its challenge', () => {
  const webhook = new Webhook(WEBHOOK_SECRET);
  // The vector itself, by node:crypto.
  const hmac = (msg) => crypto.createHmac('sha256', WEBHOOK_SECRET).update(msg).digest('hex');
  assert.equal(`v0=${hmac(`v0:${WEBHOOK_TS}:${WEBHOOK_BODY}`)}`, WEBHOOK_SIGNATURE);
  assert.equal(hmac('qgg8vlvZRS6UYooatFL8Aw'), ENCRYPTED_TOKEN);

  assert.equal(webhook.sign(WEBHOOK_TS, WEBHOOK_BODY), WEBHOOK_SIGNATURE);
  assert.equal(webhook.sign(BigInt(WEBHOOK_TS), Buffer.from(WEBHOOK_BODY)), WEBHOOK_SIGNATURE);
  assert.equal(webhook.verify(String(WEBHOOK_TS), Buffer.from(WEBHOOK_BODY), WEBHOOK_SIGNATURE, { now: WEBHOOK_TS }), WEBHOOK_TS);
  assert.equal(webhook.verify(WEBHOOK_TS, WEBHOOK_BODY, Buffer.from(WEBHOOK_SIGNATURE), { now: WEBHOOK_TS + 300 }), WEBHOOK_TS);
  assert.deepEqual(webhook.urlValidation(String(WEBHOOK_TS), WEBHOOK_BODY, WEBHOOK_SIGNATURE, { now: WEBHOOK_TS }), {
    plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
    encryptedToken: ENCRYPTED_TOKEN,
  });
  assert.equal(
    webhook.urlValidationJson(String(WEBHOOK_TS), WEBHOOK_BODY, WEBHOOK_SIGNATURE, { now: WEBHOOK_TS }),
    JSON.stringify({ plainToken: 'qgg8vlvZRS6UYooatFL8Aw', encryptedToken: ENCRYPTED_TOKEN }),
  );
  // Any body, any time: the signature is node:crypto's.
  const body = JSON.stringify({ event: 'meeting.started', payload: { id: 'é' } });
  assert.equal(webhook.sign(NOW, body), `v0=${hmac(`v0:${NOW}:${body}`)}`);
});

test('webhook: every rejection is a WebhookError with its code', () => {
  const webhook = new Webhook(WEBHOOK_SECRET);
  const at = { now: WEBHOOK_TS };
  const ts = String(WEBHOOK_TS);
  throwsCode(() => webhook.verify('17e8', WEBHOOK_BODY, WEBHOOK_SIGNATURE, at), WebhookError, 620);
  throwsCode(() => webhook.verify('', WEBHOOK_BODY, WEBHOOK_SIGNATURE, at), WebhookError, 620);
  throwsCode(() => webhook.verify(` ${ts}`, WEBHOOK_BODY, WEBHOOK_SIGNATURE, at), WebhookError, 620);
  throwsCode(() => webhook.verify(ts, WEBHOOK_BODY, WEBHOOK_SIGNATURE.slice(3), at), WebhookError, 622);
  throwsCode(() => webhook.verify(ts, WEBHOOK_BODY, WEBHOOK_SIGNATURE.slice(0, -1), at), WebhookError, 623);
  throwsCode(() => webhook.verify(ts, WEBHOOK_BODY, WEBHOOK_SIGNATURE.toUpperCase().replace('V0', 'v0'), at), WebhookError, 624);
  throwsCode(() => webhook.verify(ts, `${WEBHOOK_BODY} `, WEBHOOK_SIGNATURE, at), WebhookError, 625);
  throwsCode(() => new Webhook(`${WEBHOOK_SECRET}x`).verify(ts, WEBHOOK_BODY, WEBHOOK_SIGNATURE, at), WebhookError, 625);
  throwsCode(() => webhook.verify(ts, WEBHOOK_BODY, WEBHOOK_SIGNATURE, { now: WEBHOOK_TS + 301 }), WebhookError, 621);
  throwsCode(() => new Webhook(WEBHOOK_SECRET, { tolerance: 0 }).verify(ts, WEBHOOK_BODY, WEBHOOK_SIGNATURE, { now: WEBHOOK_TS - 1 }), WebhookError, 621);
  // url_validation reads the body strictly.
  const signed = (body) => [ts, body, webhook.sign(WEBHOOK_TS, body), at];
  throwsCode(() => webhook.urlValidation(...signed('[]')), WebhookError, 626);
  throwsCode(() => webhook.urlValidation(...signed('{"event":"endpoint.url_validation","event":"x","payload":{}}')), WebhookError, 626);
  throwsCode(() => webhook.urlValidation(...signed('{"event":"meeting.started","payload":{"plainToken":"a"}}')), WebhookError, 627);
  throwsCode(() => webhook.urlValidation(...signed('{"event":"endpoint.url_validation","payload":{"plainToken":""}}')), WebhookError, 628);
  // Keys and arguments.
  throwsCode(() => new Webhook(''), JwtMintError, 100);
  for (const bad of [
    () => new Webhook(5),
    () => webhook.verify(ts, { body: 1 }, WEBHOOK_SIGNATURE, at),
    () => webhook.verify(ts, WEBHOOK_BODY, 5, at),
    () => webhook.verify(null, WEBHOOK_BODY, WEBHOOK_SIGNATURE, at),
    () => webhook.sign('1700000000', WEBHOOK_BODY),
    () => new Webhook(WEBHOOK_SECRET, { tolerence: 1 }),
  ]) {
    assert.throws(bad, TypeError);
  }
  assert.throws(() => webhook.verify(1.5, WEBHOOK_BODY, WEBHOOK_SIGNATURE, at), RangeError);
  assert.ok(!require('node:util').inspect(webhook).includes(WEBHOOK_SECRET));
  webhook.close();
  assert.throws(() => webhook.sign(1, 'x'), ClosedError);
});

test('token cache: one token per refresh window, minted again near exp or on clear()', () => {
  const key = new Key(SDK_SECRET);
  const minter = new ApiTokenMinter('api', key); // skew 30, ttl 3600: exp = now + 3570
  const cache = new ApiTokenCache(minter);
  minter.close(); // the cache keeps its own copy
  const first = cache.token({ now: NOW });
  assert.equal(first, signWithNodeCrypto(SDK_SECRET, HEADER, JSON.stringify({ iss: 'api', iat: NOW - 30, exp: NOW + 3570 })));
  assert.equal(cache.mintCount, 1);
  // Fresh until 60 s (the default margin) before exp.
  assert.equal(cache.token({ now: NOW + 3509 }), first);
  assert.equal(cache.mintCount, 1);
  const second = cache.token({ now: NOW + 3510 });
  assert.notEqual(second, first);
  assert.equal(payloadOf(second).iat, NOW + 3510 - 30);
  assert.equal(cache.mintCount, 2);
  cache.clear();
  assert.equal(cache.token({ now: NOW + 3510 }), second); // same inputs, same bytes, new mint
  assert.equal(cache.mintCount, 3);

  const wide = new ApiTokenCache(new ApiTokenMinter('api', key), { refreshMargin: 600 });
  const t = wide.token({ now: NOW });
  assert.equal(wide.token({ now: NOW + 2969 }), t);
  assert.notEqual(wide.token({ now: NOW + 2970 }), t);
  throwsCode(() => new ApiTokenCache(new ApiTokenMinter('api', key, { ttl: 100 }), { refreshMargin: 70 }), JwtMintError, 103);
  assert.throws(() => new ApiTokenCache(key), TypeError);
  assert.throws(() => new ApiTokenCache(new ApiTokenMinter('api', key), { refresh: 1 }), TypeError);
  cache.close();
  assert.throws(() => cache.token({ now: NOW }), ClosedError);
  assert.throws(() => cache.mintCount, ClosedError);
});
