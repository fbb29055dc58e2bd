// Run by check-npm.sh beside check.cjs: the ES module entry of the installed package mints the
// token node:crypto computes (known.cjs) and verifies it.
import assert from 'node:assert/strict';
import { mintApiToken, Verifier, version } from 'jwtmint';
import jwtmint from 'jwtmint';
import known from './known.cjs';

const { apiKey, secret, now, skew, ttl } = known;
assert.equal(version(), known.version);
const token = mintApiToken(apiKey, secret, { now, skew, ttl });
assert.equal(token, known.token, 'mintApiToken gives the token node:crypto computes');
assert.equal(jwtmint.mintApiToken, mintApiToken, 'the default export is the same module');
assert.deepEqual(Verifier.zoomApi(secret, apiKey).verify(token, { now }), known.claims);
console.log("import from 'jwtmint': the token node:crypto computes, verified");
