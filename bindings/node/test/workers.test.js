'use strict';
// Worker threads: each worker loads the library itself and builds its own Key from the secret
// (a handle cannot cross realms: see handles.test.js); all of them mint and verify at once,
// against the same process-wide library, and must agree byte for byte with the main thread.

const { isMainThread, parentPort, workerData, Worker } = require('node:worker_threads');

if (!isMainThread) {
  const { Key, ApiTokenMinter, Verifier } = require('..');
  if (workerData.mode === 'received-key') {
    // A Key posted from the main thread arrives as a plain object: unusable, and said so.
    parentPort.once('message', (received) => {
      let error = null;
      try {
        new Verifier(received);
      } catch (e) {
        error = e.constructor.name;
      }
      parentPort.postMessage({ keys: Object.keys(received), error });
    });
  } else {
    const { secret, apiKey, nows, expected, rounds } = workerData;
    const key = new Key(secret);
    const minter = new ApiTokenMinter(apiKey, key);
    const verifier = Verifier.zoomApi(key, apiKey);
    key.close();
    const mismatches = [];
    let verified = 0;
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < nows.length; i++) {
        const token = minter.mint({ now: nows[i] });
        if (token !== expected[i]) mismatches.push(`round ${r}, now ${nows[i]}`);
        const claims = verifier.verify(expected[i], { now: nows[i] });
        if (claims.iat !== nows[i] - 30) mismatches.push(`claims at ${nows[i]}`);
        verified += 1;
      }
    }
    minter.close();
    verifier.close();
    parentPort.postMessage({ mismatches, verified });
  }
} else {
  const test = require('node:test');
  const assert = require('node:assert/strict');
  const { Key, ApiTokenMinter, Verifier } = require('..');
  const { signWithNodeCrypto } = require('./helpers');

  const SECRET = 'worker-thread-secret-0123456789abcdefgh';
  const API_KEY = 'worker-api-key';
  const run = (data) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(__filename, { workerData: data });
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
      if (data.mode === 'received-key') worker.postMessage(new Key(SECRET));
    });

  test('workers mint and verify at once, byte-identical to the main thread', async () => {
    const nows = Array.from({ length: 50 }, (_, i) => 1_700_000_000 + i * 7919);
    const minter = new ApiTokenMinter(API_KEY, new Key(SECRET));
    const expected = nows.map((now) => minter.mint({ now }));
    // The main thread's tokens are right, by node:crypto's HMAC.
    for (let i = 0; i < nows.length; i += 10) {
      const iat = nows[i] - 30;
      const payload = JSON.stringify({ iss: API_KEY, iat, exp: iat + 3600 });
      assert.equal(expected[i], signWithNodeCrypto(SECRET, '{"alg":"HS256","typ":"JWT"}', payload));
    }
    const rounds = 200;
    const workers = Array.from({ length: 4 }, () => run({ secret: SECRET, apiKey: API_KEY, nows, expected, rounds }));
    // The main thread keeps verifying meanwhile.
    const verifier = Verifier.zoomApi(SECRET, API_KEY);
    for (let i = 0; i < 2000; i++) verifier.check(expected[i % nows.length], { now: nows[i % nows.length] });
    const results = await Promise.all(workers);
    for (const { mismatches, verified } of results) {
      assert.deepEqual(mismatches, []);
      assert.equal(verified, rounds * nows.length);
    }
  });

  test('a Key posted to a worker arrives without its handle', async () => {
    const { keys, error } = await run({ mode: 'received-key' });
    assert.deepEqual(keys, []);
    assert.equal(error, 'TypeError');
  });
}
