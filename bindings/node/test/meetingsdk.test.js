'use strict';
// Meeting SDK tokens through the binding: the shared vectors (tests/vectors/meeting_sdk.json,
// computed with Python's stdlib), every refusal with its code, the verifier, and the Video
// SDK's userKey against tokens signed with node:crypto.

const test = require('node:test');
const assert = require('node:assert/strict');
const {
  Key, mintMeetingSdkToken, MeetingSdkVerifier, mintVideoSdkToken, VideoSdkVerifier,
  JwtMintError, ClaimsError, ExpiredError, InvalidSignatureError,
  videoSdkTpcNotes, TPC_UNDOCUMENTED_CHARACTER, TPC_NOT_LOWER_CASE,
} = require('..');
const { vectors, signWithNodeCrypto } = require('./helpers');

const meeting = vectors('meeting_sdk');
const SECRET = 'Zoom-Meeting-SDK-Secret-Of-36-Chars!';
const NOW = 1700000000;
const HEADER = '{"alg":"HS256","typ":"JWT"}';

function throwsCode(fn, Class, code) {
  assert.throws(fn, (e) => e instanceof Class && e.code === code);
}

test('the meeting_sdk vectors are there', () => {
  assert.ok(meeting.cases.length >= 6);
});

for (const c of meeting.cases) {
  test(`meeting_sdk ${c.name}: minted byte for byte and verified`, () => {
    const key = Key.fromEncoded(c.secret, c.secret_encoding);
    const opts = { sdkKey: c.sdk_key, ttl: c.ttl, skew: c.skew, now: c.now };
    if (c.mn !== null) Object.assign(opts, { mn: c.mn, role: c.role });
    if (c.video_webrtc_mode !== null) opts.videoWebrtcMode = c.video_webrtc_mode;
    assert.equal(mintMeetingSdkToken(key, opts), c.token);
    assert.equal(new MeetingSdkVerifier(key, c.sdk_key).verifyJson(c.token, { now: c.now }), c.payload_json);
  });
}

test('refusals carry the library codes', () => {
  const key = new Key(SECRET);
  const base = { sdkKey: 'k', now: NOW };
  throwsCode(() => mintMeetingSdkToken(key, { ...base, mn: '123' }), JwtMintError, 640);
  throwsCode(() => mintMeetingSdkToken(key, { ...base, role: 'host' }), JwtMintError, 640);
  throwsCode(() => mintMeetingSdkToken(key, { ...base, mn: '', role: 1 }), JwtMintError, 640);
  throwsCode(() => mintMeetingSdkToken(key, { ...base, mn: '1a', role: 1 }), JwtMintError, 640);
  throwsCode(() => mintMeetingSdkToken(key, { ...base, mn: '1', role: 2 }), JwtMintError, 640);
  throwsCode(() => mintMeetingSdkToken(key, { ...base, ttl: 1799 }), JwtMintError, 641);
  throwsCode(() => mintMeetingSdkToken(key, { ...base, sdkKey: '' }), JwtMintError, 640);
  throwsCode(() => mintMeetingSdkToken(key, { ...base, ttl: 1800, skew: 1800 }), JwtMintError, 103);
  // -1 is the C ABI's "unset": refused, never a silent native token.
  assert.throws(() => mintMeetingSdkToken(key, { ...base, mn: '1', role: -1 }), RangeError);
  assert.throws(() => mintMeetingSdkToken(key, { ...base, extra: 1 }));
});

test('the verifier follows the documented rules', () => {
  const key = new Key(SECRET);
  const token = mintMeetingSdkToken(key, { sdkKey: 'k', mn: '9', role: 'participant', now: NOW });
  assert.equal(new MeetingSdkVerifier(key).verify(token, { now: NOW }).role, 0);
  throwsCode(() => new MeetingSdkVerifier(key, 'other').verify(token, { now: NOW }), ClaimsError, 642);
  throwsCode(() => new MeetingSdkVerifier(key, '').verify(token, { now: NOW }), ClaimsError, 642);
  throwsCode(() => new MeetingSdkVerifier(key).verify(token, { now: NOW + 7200 + 60 }), ExpiredError, 500);
  assert.ok(new MeetingSdkVerifier(key, undefined, { leeway: 120 }).verify(token, { now: NOW + 7200 + 60 }));
  // Signed with node:crypto: mn as a number, tokenExp sooner than exp.
  const payload = `{"sdkKey":"k","mn":123,"iat":${NOW},"exp":${NOW + 7200},"tokenExp":${NOW + 1800}}`;
  const other = signWithNodeCrypto(SECRET, HEADER, payload);
  assert.equal(new MeetingSdkVerifier(key).verify(other, { now: NOW }).mn, '123');
  throwsCode(() => new MeetingSdkVerifier(new Key('x'.repeat(32))).verify(other, { now: NOW }), InvalidSignatureError, 400);
  const bad = signWithNodeCrypto(SECRET, HEADER, `{"sdkKey":"k","role":2,"iat":${NOW},"exp":${NOW + 7200},"tokenExp":${NOW + 7200}}`);
  throwsCode(() => new MeetingSdkVerifier(key).verify(bad, { now: NOW }), ClaimsError, 640);
});

test('Video SDK tpc notes: the library\'s bit mask', () => {
  assert.equal(videoSdkTpcNotes('room 1'), 0);
  assert.equal(videoSdkTpcNotes('Room'), TPC_NOT_LOWER_CASE);
  assert.equal(videoSdkTpcNotes('café'), TPC_UNDOCUMENTED_CHARACTER);
  assert.equal(videoSdkTpcNotes('Café'), TPC_UNDOCUMENTED_CHARACTER | TPC_NOT_LOWER_CASE);
  assert.equal(videoSdkTpcNotes(''), 0);
  assert.throws(() => videoSdkTpcNotes(5), TypeError);
});

test('Video SDK userKey: written after userIdentity, up to 36 units', () => {
  const key = new Key(SECRET);
  const opts = { appKey: 'k', tpc: 't', role: 'host', userIdentity: 'u', userKey: 'v'.repeat(36), ttl: 1800, skew: 0, now: NOW };
  const payload =
    `{"app_key":"k","role_type":1,"tpc":"t","version":1,"iat":${NOW},"exp":${NOW + 1800},` +
    `"user_identity":"u","user_key":"${'v'.repeat(36)}"}`;
  const token = mintVideoSdkToken(key, opts);
  assert.equal(token, signWithNodeCrypto(SECRET, HEADER, payload));
  assert.equal(new VideoSdkVerifier(key, 'k').verify(token, { now: NOW }).user_key, 'v'.repeat(36));
  throwsCode(() => mintVideoSdkToken(key, { ...opts, userKey: 'v'.repeat(37) }), JwtMintError, 601);
});
