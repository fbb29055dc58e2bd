'use strict';
// Mint and verify a Zoom API JWT with jwtmint, jsrsasign (the library of Zoom's Node.js
// sample, in the sample's exact code shape) and jsonwebtoken, in one process. Prints the
// median ns/op over interleaved rounds.
//
//   node bench.js [--rounds 15] [--ms 100]
//
// Before timing, every contender's token is checked to be the same bytes (same header,
// payload and secret), and every verifier to accept it, so all do the same work.

const assert = require('node:assert/strict');
const KJUR = require('jsrsasign');
const jsonwebtoken = require('jsonwebtoken');
const { Key, ApiTokenMinter, Verifier, mintApiToken } = require('.');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const ROUNDS = arg('rounds', 15);
const ROUND_MS = arg('ms', 100);

const API_KEY = 'abcdefghijklmnopqrstuv';
const SECRET = '0123456789abcdefghijklmnopqrstuvwxyz';
const NOW = 1_700_000_000;

// jwtmint
const key = new Key(SECRET);
const minter = new ApiTokenMinter(API_KEY, key);
const verifier = Verifier.zoomApi(key, API_KEY);

// Zoom's sample, with its clock fixed at NOW.
function zoomSampleMint() {
  const iat = Math.round((NOW * 1000) / 1000) - 30;
  const exp = iat + 60 * 60;
  const oHeader = { alg: 'HS256', typ: 'JWT' };
  const oPayload = { iss: API_KEY, iat: iat, exp: exp };
  const sHeader = JSON.stringify(oHeader);
  const sPayload = JSON.stringify(oPayload);
  return KJUR.jws.JWS.sign('HS256', sHeader, sPayload, SECRET);
}

// jsonwebtoken, as its README shows it (a string secret, which it first tries to parse as a
// PEM key on every call), and with a KeyObject made once (its fast path).
const secretKeyObject = require('node:crypto').createSecretKey(Buffer.from(SECRET, 'utf8'));
function jsonwebtokenMint(secret) {
  const iat = NOW - 30;
  return jsonwebtoken.sign({ iss: API_KEY, iat, exp: iat + 3600 }, secret, { algorithm: 'HS256' });
}
function jsonwebtokenVerify(secret) {
  return jsonwebtoken.verify(token, secret, { algorithms: ['HS256'], issuer: API_KEY, clockTimestamp: NOW });
}

const token = minter.mint({ now: NOW });
const contenders = {
  mint: [
    ['jwtmint ApiTokenMinter.mint', () => minter.mint({ now: NOW })],
    ['jwtmint mintApiToken (one-shot, Key)', () => mintApiToken(API_KEY, key, { now: NOW })],
    ['jsrsasign (Zoom sample shape)', zoomSampleMint],
    ['jsonwebtoken sign (KeyObject)', () => jsonwebtokenMint(secretKeyObject)],
    ['jsonwebtoken sign (string secret)', () => jsonwebtokenMint(SECRET)],
  ],
  verify: [
    ['jwtmint Verifier.verify (claims)', () => verifier.verify(token, { now: NOW })],
    ['jwtmint Verifier.check', () => verifier.check(token, { now: NOW })],
    [
      'jsrsasign JWS.verifyJWT',
      () => KJUR.jws.JWS.verifyJWT(token, { utf8: SECRET }, { alg: ['HS256'], iss: [API_KEY], verifyAt: NOW }),
    ],
    ['jsonwebtoken verify (KeyObject)', () => jsonwebtokenVerify(secretKeyObject)],
    ['jsonwebtoken verify (string secret)', () => jsonwebtokenVerify(SECRET)],
  ],
};

// Same bytes, same verdicts.
for (const [name, mint] of contenders.mint) assert.equal(mint(), token, name);
assert.deepEqual(contenders.verify[0][1](), { iss: API_KEY, iat: NOW - 30, exp: NOW + 3570 });
assert.equal(contenders.verify[2][1](), true);
assert.deepEqual(contenders.verify[3][1](), { iss: API_KEY, iat: NOW - 30, exp: NOW + 3570 });
assert.deepEqual(contenders.verify[4][1](), { iss: API_KEY, iat: NOW - 30, exp: NOW + 3570 });

/** Ops per round so that a round takes about ROUND_MS. */
function calibrate(fn) {
  let n = 100;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms >= ROUND_MS / 4) return Math.max(100, Math.round((n * ROUND_MS) / ms));
    n *= 4;
  }
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const versions = {
  node: process.version,
  jwtmint: require('.').version(),
  jsrsasign: require('jsrsasign/package.json').version,
  jsonwebtoken: require('jsonwebtoken/package.json').version,
};
console.log(`# ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`# median of ${ROUNDS} interleaved rounds of ~${ROUND_MS} ms each`);

for (const [op, list] of Object.entries(contenders)) {
  const plans = list.map(([name, fn]) => ({ name, fn, n: calibrate(fn), samples: [] }));
  for (let r = 0; r < ROUNDS; r++) {
    for (const p of plans) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < p.n; i++) p.fn();
      p.samples.push(Number(process.hrtime.bigint() - t0) / p.n);
    }
  }
  const base = median(plans[0].samples);
  console.log(`\n${op}`);
  for (const p of plans) {
    const ns = median(p.samples);
    const ratio = ns / base;
    console.log(`  ${p.name.padEnd(40)} ${ns.toFixed(0).padStart(8)} ns/op  ${ratio.toFixed(1).padStart(6)}x`);
  }
}
