'use strict';
// tests/vectors/*.json: the tokens (computed with Python's standard library by
// tests/vectors/generate.py) must come out byte for byte, through every minting path.

const test = require('node:test');
const assert = require('node:assert/strict');
const { Key, ApiTokenMinter, Verifier, mint, mintJson, mintApiToken } = require('..');
const { vectors } = require('./helpers');

const zoomApi = vectors('zoom_api');
const claims = vectors('claims');

test('the vector files are there and not empty', () => {
  assert.ok(zoomApi.cases.length >= 10, `zoom_api.json has ${zoomApi.cases.length} cases`);
  assert.ok(claims.cases.length >= 5, `claims.json has ${claims.cases.length} cases`);
});

for (const c of zoomApi.cases) {
  test(`zoom_api ${c.name}: minter, one-shot and verifier`, () => {
    const key = Key.fromEncoded(c.secret, c.secret_encoding);
    const minter = new ApiTokenMinter(c.api_key, key, { skew: c.skew, ttl: c.ttl });
    assert.equal(minter.mint({ now: c.now }), c.token);
    assert.equal(minter.mint({ now: BigInt(c.now) }), c.token, 'now as a BigInt');
    assert.equal(mintApiToken(c.api_key, key, { now: c.now, skew: c.skew, ttl: c.ttl }), c.token);
    if (c.secret_encoding === 'utf8') {
      // The secret as a string is its UTF-8 bytes, as a Zoom API secret is.
      assert.equal(mintApiToken(c.api_key, c.secret, { now: c.now, skew: c.skew, ttl: c.ttl }), c.token);
      assert.equal(
        new ApiTokenMinter(c.api_key, Buffer.from(c.secret, 'utf8'), { skew: c.skew, ttl: c.ttl }).mint({ now: c.now }),
        c.token,
      );
    }

    const verifier = Verifier.zoomApi(key, c.api_key);
    assert.equal(verifier.verifyJson(c.token, { now: c.now }), c.payload_json);
    assert.deepEqual(verifier.verify(c.token, { now: c.now }), { iss: c.api_key, iat: c.iat, exp: c.exp });
    assert.equal(verifier.verify(Buffer.from(c.token), { now: new Date(c.now * 1000) }).exp, c.exp);
    verifier.check(c.token, { now: c.now });
  });
}

test('the Zoom defaults are skew 30 and ttl 3600', () => {
  const c = zoomApi.cases.find((v) => v.skew === 30 && v.ttl === 3600 && v.secret_encoding === 'utf8');
  assert.ok(c, 'a vector with the defaults');
  assert.equal(new ApiTokenMinter(c.api_key, c.secret).mint({ now: c.now }), c.token);
  assert.equal(mintApiToken(c.api_key, c.secret, { now: c.now }), c.token);
});

for (const c of claims.cases) {
  test(`claims ${c.name}: mint, mintJson and verify`, () => {
    const key = Key.fromEncoded(c.secret, c.secret_encoding);
    assert.equal(mintJson(key, c.payload_json), c.token);
    assert.equal(mintJson(key, Buffer.from(c.payload_json, 'utf8')), c.token);
    // JSON.stringify of the parsed object gives the same text for these cases, so mint() of
    // the object must give the same token.
    const object = JSON.parse(c.payload_json);
    assert.equal(JSON.stringify(object), c.payload_json, 'precondition: the JSON text round-trips');
    assert.equal(mint(key, object), c.token);

    const verifier = new Verifier(key, { required: [] });
    assert.equal(verifier.verifyJson(c.token, { now: 1_700_000_000 }), c.payload_json);
    assert.deepEqual(verifier.verify(c.token, { now: 1_700_000_000 }), object);
  });
}
