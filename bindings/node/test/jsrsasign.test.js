'use strict';
// Interoperability with jsrsasign 11.1.5, the library of Zoom's Node.js samples, both ways:
// jwtmint's tokens verify with jsrsasign, jsrsasign's verify with jwtmint, and the exact code
// shape of Zoom's Node.js sample gives the same bytes as mintApiToken.

const test = require('node:test');
const assert = require('node:assert/strict');
const KJUR = require('jsrsasign');
const {
  Key,
  ApiTokenMinter,
  Verifier,
  mint,
  mintApiToken,
  InvalidSignatureError,
  ExpiredError,
  InvalidKeyError,
} = require('..');

const NOW = 1_700_000_000;
const API_KEY = 'abcdefghijklmnopqrstuv';
// Zoom API secrets are ASCII text that is not hex: jsrsasign then uses the text's bytes.
const SECRETS = ['0123456789abcdefghijklmnopqrstuvwxyz', 'my-zoom-api-secret-of-36-characters!', 'Zx9-'.repeat(16)];

test('jsrsasign is the pinned version', () => {
  assert.equal(require('jsrsasign/package.json').version, '11.1.5');
});

test("Zoom's sample code shape gives byte-identical tokens to mintApiToken", () => {
  for (const secret of SECRETS) {
    for (const now of [NOW, 1_662_147_076, 0]) {
      // Zoom's Node.js sample for API requests (jsrsasign), with Date fixed at `now`.
      const iat = Math.round((now * 1000) / 1000) - 30;
      const exp = iat + 60 * 60 * 2;
      const oHeader = { alg: 'HS256', typ: 'JWT' };
      const oPayload = { iss: API_KEY, iat: iat, exp: exp };
      const sHeader = JSON.stringify(oHeader);
      const sPayload = JSON.stringify(oPayload);
      const sampleToken = KJUR.jws.JWS.sign('HS256', sHeader, sPayload, secret);

      assert.equal(mintApiToken(API_KEY, secret, { now, skew: 30, ttl: 7200 }), sampleToken);
      assert.equal(new ApiTokenMinter(API_KEY, secret, { ttl: 7200 }).mint({ now }), sampleToken);
    }
  }
});

test('jwtmint tokens verify with jsrsasign (JWS.verify and JWS.verifyJWT)', () => {
  for (const secret of SECRETS) {
    const token = new ApiTokenMinter(API_KEY, secret).mint({ now: NOW });
    assert.equal(KJUR.jws.JWS.verify(token, { utf8: secret }, ['HS256']), true);
    assert.equal(
      KJUR.jws.JWS.verifyJWT(token, { utf8: secret }, { alg: ['HS256'], iss: [API_KEY], verifyAt: NOW }),
      true,
    );
    const payload = KJUR.jws.JWS.readSafeJSONString(KJUR.b64utoutf8(token.split('.')[1]));
    assert.deepEqual(payload, { iss: API_KEY, iat: NOW - 30, exp: NOW - 30 + 3600 });
    // jsrsasign says no to the same token under another secret or after its expiry.
    assert.equal(KJUR.jws.JWS.verify(token, { utf8: `${secret}!` }, ['HS256']), false);
    assert.equal(
      KJUR.jws.JWS.verifyJWT(token, { utf8: secret }, { alg: ['HS256'], verifyAt: NOW + 7200 }),
      false,
    );
  }
});

test('jwtmint tokens over any claims verify with jsrsasign', () => {
  const secret = SECRETS[0];
  const claims = { sub: 'user-1', aud: 'zoom', exp: NOW + 600, name: 'Zoë 🎥', roles: ['a', 'b'] };
  const token = mint(secret, claims);
  assert.equal(
    KJUR.jws.JWS.verifyJWT(token, { utf8: secret }, { alg: ['HS256'], aud: ['zoom'], verifyAt: NOW }),
    true,
  );
  assert.deepEqual(JSON.parse(KJUR.b64utoutf8(token.split('.')[1])), claims);
});

test('jsrsasign tokens verify with jwtmint', () => {
  for (const secret of SECRETS) {
    const sHeader = JSON.stringify({ alg: 'HS256', typ: 'JWT' });
    const payload = { iss: API_KEY, iat: NOW - 30, exp: NOW + 3570 };
    const token = KJUR.jws.JWS.sign('HS256', sHeader, JSON.stringify(payload), { utf8: secret });

    const verifier = Verifier.zoomApi(new Key(secret), API_KEY);
    assert.deepEqual(verifier.verify(token, { now: NOW }), payload);
    assert.throws(() => verifier.verify(token, { now: NOW + 3570 + 60 }), ExpiredError);

    // Header without typ, as jsrsasign writes when asked: still plain HS256.
    const bare = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256' }), JSON.stringify(payload), { utf8: secret });
    assert.deepEqual(verifier.verify(bare, { now: NOW }), payload);

    // Signed by jsrsasign under another secret: rejected on the MAC.
    const forged = KJUR.jws.JWS.sign('HS256', sHeader, JSON.stringify(payload), { utf8: `${secret}-other` });
    assert.throws(() => verifier.verify(forged, { now: NOW }), InvalidSignatureError);
  }
});

test('Key.fromEncoded(text, "jsrsasign") reads a secret string as jsrsasign does', () => {
  const hex = '00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF';
  const cases = [
    'my-zoom-api-secret-of-36-characters!', // ASCII, not hex: its bytes
    hex, // even-length hex, mixed case: decoded
    `${hex}0`, // odd length: text
    `0x${hex}`, // 0x prefix: text
    'sécret-with-ünïcödé-and-€-of-enough-bytes', // above ASCII: low byte of each code unit
    `emoji-🎥-${'k'.repeat(30)}`, // outside the BMP: the surrogates' low bytes
  ];
  const claims = { sub: 'interop', exp: NOW + 60 };
  for (const secret of cases) {
    const key = Key.fromEncoded(secret, 'jsrsasign');
    const token = mint(key, claims);
    const theirs = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(claims), secret);
    assert.equal(token, theirs, `secret ${JSON.stringify(secret)}`);
    assert.equal(KJUR.jws.JWS.verify(token, secret, ['HS256']), true);
  }
  // 36 hex digits are 18 bytes under jsrsasign's rule: too short for HS256.
  assert.throws(() => Key.fromEncoded(hex.slice(0, 36), 'jsrsasign'), InvalidKeyError);
  // For ASCII that is not hex, the jsrsasign reading and UTF-8 agree.
  assert.equal(mint(Key.fromEncoded(cases[0], 'jsrsasign'), claims), mint(cases[0], claims));
});
