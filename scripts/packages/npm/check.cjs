'use strict';
// Run by check-npm.sh in a fresh npm project with the packed jwtmint installed: loads it with
// require (no JWTMINT_LIB), mints the known token (known-token.sh) at a fixed time, compares it
// with the token node:crypto computes (known.cjs), verifies it, and sees another secret
// refused.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const known = require('./known.cjs');

const jwtmint = require('jwtmint');
const installed = path.dirname(require.resolve('jwtmint/package.json'));
assert.ok(!fs.lstatSync(installed).isSymbolicLink(), `${installed} is a copy, not a link to a folder`);
assert.equal(require('jwtmint/package.json').version, known.version);
assert.equal(jwtmint.version(), known.version, "the library's version");

// The library loaded is the one inside the package.
const maps = fs.readFileSync('/proc/self/maps', 'utf8').split('\n');
const loaded = [...new Set(maps.filter((l) => /libjwtmint\.so/.test(l)).map((l) => l.split(/\s+/).pop()))];
const platform = `${process.platform}-${process.arch}`;
assert.deepEqual(loaded, [path.join(fs.realpathSync(installed), 'prebuilds', platform, 'libjwtmint.so')]);

const { apiKey, secret, now, skew, ttl } = known;
const token = jwtmint.mintApiToken(apiKey, secret, { now, skew, ttl });
assert.equal(token, known.token, 'mintApiToken gives the token node:crypto computes');
const minter = new jwtmint.ApiTokenMinter(apiKey, secret, { skew, ttl });
assert.equal(minter.mint({ now }), known.token, 'ApiTokenMinter gives the same token');
minter.close();

assert.deepEqual(jwtmint.Verifier.zoomApi(secret, apiKey).verify(token, { now }), known.claims);
assert.throws(
  () => jwtmint.Verifier.zoomApi(known.wrongSecret, apiKey).verify(token, { now }),
  jwtmint.InvalidSignatureError,
);
console.log(`require('jwtmint') ${known.version}: the token node:crypto computes, verified, another secret refused`);
