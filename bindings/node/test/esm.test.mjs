// The ES module entry gives the same objects as the CommonJS one.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import jwtmint, { Key, ApiTokenMinter, Verifier, mintApiToken, ExpiredError, codes } from 'jwtmint';
import * as namespace from 'jwtmint';

const require = createRequire(import.meta.url);
const cjs = require('jwtmint');

test('import and require give one module', () => {
  assert.equal(jwtmint, cjs);
  assert.equal(Key, cjs.Key);
  assert.equal(ExpiredError, cjs.ExpiredError);
  assert.equal(codes.EXPIRED, 500);
  // Every CommonJS export is a named ES export too, the very same object.
  for (const name of Object.keys(cjs)) {
    assert.equal(namespace[name], cjs[name], name);
  }
});

test('import works end to end', () => {
  const secret = 'esm-entry-secret-0123456789abcdefghijk';
  const token = new ApiTokenMinter('api', new Key(secret)).mint({ now: 1_700_000_000 });
  assert.equal(mintApiToken('api', secret, { now: 1_700_000_000 }), token);
  assert.equal(Verifier.zoomApi(secret, 'api').verify(token, { now: 1_700_000_000 }).iss, 'api');
});
