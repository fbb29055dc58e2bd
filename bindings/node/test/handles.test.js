'use strict';
// Handle lifetimes: close() frees once, use after close throws ClosedError, handles made from a
// key outlive it, the FinalizationRegistry frees what was never closed, and no handle can be
// copied out of its realm.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { Key, ApiTokenMinter, Verifier, mint, ClosedError, JwtMintError } = require('..');
const { liveHandles } = require('../lib/handle');

const SECRET = 'handle-lifetime-secret-0123456789abcdef';
const NOW = 1_700_000_000;

test('close() is idempotent and later use throws ClosedError', () => {
  const key = new Key(SECRET);
  const minter = new ApiTokenMinter('api', key);
  const verifier = Verifier.zoomApi(key, 'api');
  const token = minter.mint({ now: NOW });

  for (const handle of [key, minter, verifier]) {
    assert.equal(handle.closed, false);
    handle.close();
    assert.equal(handle.closed, true);
    handle.close(); // a second close does nothing
    assert.equal(handle.closed, true);
  }
  const isClosed = (e) => e instanceof ClosedError && !(e instanceof JwtMintError) && e.code === 'ERR_JWTMINT_CLOSED';
  assert.throws(() => minter.mint({ now: NOW }), isClosed);
  assert.throws(() => verifier.verify(token, { now: NOW }), isClosed);
  assert.throws(() => verifier.check(token, { now: NOW }), isClosed);
  assert.throws(() => mint(key, { exp: NOW }), isClosed);
  assert.throws(() => new Verifier(key), isClosed);
  assert.throws(() => new ApiTokenMinter('api', key), isClosed);
  assert.match(require('node:util').inspect(key), /closed/);
});

test('minters and verifiers keep working after their key is closed', () => {
  const key = new Key(SECRET);
  const minter = new ApiTokenMinter('api', key);
  const verifier = Verifier.zoomApi(key, 'api');
  key.close();
  const token = minter.mint({ now: NOW });
  assert.deepEqual(verifier.verify(token, { now: NOW }), { iss: 'api', iat: NOW - 30, exp: NOW - 30 + 3600 });
  minter.close();
  verifier.close();
});

test('every handle made is freed exactly once by close()', () => {
  const before = liveHandles();
  const made = [];
  for (let i = 0; i < 50; i++) {
    const key = new Key(SECRET);
    made.push(key, new ApiTokenMinter('api', key), new Verifier(key));
  }
  assert.equal(liveHandles(), before + 150);
  for (const h of made) h.close();
  for (const h of made) h.close();
  assert.equal(liveHandles(), before);
  // Temporary keys (a secret passed where a Key goes) are closed by the call that made them.
  const v = new Verifier(SECRET);
  assert.equal(liveHandles(), before + 1);
  v.close();
  // A failed constructor leaves nothing behind.
  assert.throws(() => new Verifier(SECRET, { issuer: 'x', audience: 'y', required: ['a', 5] }), TypeError);
  // Refused by the library after the verifier was made: freed before the error goes on.
  assert.throws(() => new Verifier(SECRET, { issuer: 'x', required: ['a', ''] }), (e) => e.code === 103);
  assert.throws(() => new ApiTokenMinter('api', SECRET, { ttl: 0 }), JwtMintError);
  assert.equal(liveHandles(), before);
});

test('the FinalizationRegistry frees handles that were never closed', () => {
  // In a child process with --expose-gc, so collection can be forced.
  const script = `
    const { Key, ApiTokenMinter, Verifier } = require(${JSON.stringify(path.join(__dirname, '..'))});
    const { liveHandles } = require(${JSON.stringify(path.join(__dirname, '..', 'lib', 'handle.js'))});
    (function make() {
      for (let i = 0; i < 200; i++) {
        const key = new Key(${JSON.stringify(SECRET)});
        new ApiTokenMinter('api', key).mint({ now: 1 });
        new Verifier(key);
      }
    })();
    const made = liveHandles();
    (async () => {
      for (let i = 0; i < 50 && liveHandles() > 0; i++) {
        global.gc();
        await new Promise((r) => setTimeout(r, 10));
      }
      console.log(JSON.stringify({ made, left: liveHandles() }));
    })();
  `;
  const run = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8', env: process.env });
  assert.equal(run.status, 0, run.stderr);
  const { made, left } = JSON.parse(run.stdout.trim());
  assert.equal(made, 600);
  assert.equal(left, 0);
});

test('handles cannot leave their realm: clones carry no pointer', () => {
  const key = new Key(SECRET);
  const minter = new ApiTokenMinter('api', key);
  for (const handle of [key, minter, new Verifier(key)]) {
    assert.deepEqual(Object.keys(handle), []);
    const copy = structuredClone(handle);
    assert.deepEqual(copy, {});
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  }
  assert.throws(() => new Verifier(structuredClone(key)), TypeError);
  assert.throws(() => mint(structuredClone(key), { exp: NOW }), TypeError);
  assert.throws(() => new Verifier(Object.create(Key.prototype)), TypeError);
});
