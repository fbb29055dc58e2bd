'use strict';
// The known token's inputs (known-token.sh exports them) and the token node:crypto computes
// for them, shared by check.cjs and check.mjs. Nothing here uses jwtmint.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const { KNOWN_API_KEY: apiKey, KNOWN_SECRET: secret, KNOWN_WRONG_SECRET: wrongSecret } = process.env;
const [now, skew, ttl] = ['KNOWN_NOW', 'KNOWN_SKEW', 'KNOWN_TTL'].map((n) => Number(process.env[n]));
const version = process.env.EXPECTED_VERSION;
assert.ok(apiKey && secret && wrongSecret && version, 'the KNOWN_* and EXPECTED_VERSION variables are set');
assert.equal(process.env.JWTMINT_LIB, undefined, 'JWTMINT_LIB must not be set for this check');

const b64 = (text) => Buffer.from(text).toString('base64url');
const iat = now - skew;
const claims = { iss: apiKey, iat, exp: iat + ttl };
const input = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(JSON.stringify(claims))}`;
const token = `${input}.${crypto.createHmac('sha256', secret).update(input).digest('base64url')}`;

module.exports = { apiKey, secret, wrongSecret, now, skew, ttl, version, claims, token };
