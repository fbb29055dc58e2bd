'use strict';
// The `codes` table and the error classes against two independent sources: the C header's
// #defines and the loaded library's own names and messages.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const jwtmint = require('..');
const { errorFor } = require('../lib/errors');
const { REPO_ROOT } = require('./helpers');

const { codes, JwtMintError, TokenError, InvalidKeyError, WebhookError } = jwtmint;

test('every code in the table is the header\'s JWTMINT_<NAME> and the library\'s <name>', () => {
  const header = fs.readFileSync(path.join(REPO_ROOT, 'include', 'jwtmint.h'), 'utf8');
  const defines = new Map([...header.matchAll(/^#define JWTMINT_([A-Z0-9_]+) (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
  const { native } = require('../lib/native');
  for (const [name, number] of Object.entries(codes)) {
    assert.equal(defines.get(name), number, `#define JWTMINT_${name}`);
    assert.equal(native.result_name(number), name.toLowerCase(), `library name of ${number}`);
  }
});

test('the table has every code the library knows', () => {
  const { native } = require('../lib/native');
  const known = new Set(Object.values(codes));
  const missing = [];
  for (let n = 0; n < 1000; n++) {
    if (native.result_name(n) !== 'unknown' && !known.has(n)) missing.push(`${n} ${native.result_name(n)}`);
  }
  assert.deepEqual(missing, []);
  assert.equal(native.result_name(999), 'unknown');
});

test('errors carry the library\'s message, code and name; the class follows the code', () => {
  const { native } = require('../lib/native');
  const expectations = [
    [codes.WEAK_SECRET, InvalidKeyError],
    [codes.SEGMENT_COUNT, jwtmint.MalformedTokenError],
    [codes.CRITICAL_HEADER, jwtmint.UnsupportedHeaderError],
    [codes.INVALID_SIGNATURE, jwtmint.InvalidSignatureError],
    [codes.EXPIRED, jwtmint.ExpiredError],
    [codes.AUDIENCE_MISMATCH, jwtmint.ClaimsError],
    [codes.WEBHOOK_SIGNATURE_MISMATCH, WebhookError],
    [codes.INVALID_ARGUMENT, JwtMintError],
    [codes.PANIC, JwtMintError],
  ];
  for (const [code, Class] of expectations) {
    const e = errorFor(code);
    assert.equal(e.constructor, Class, `class for ${code}`);
    assert.equal(e.message, native.result_str(code));
    assert.equal(e.code, code);
    assert.equal(e.codeName, native.result_name(code));
    assert.equal(e instanceof TokenError, code >= 200 && code < 600, `TokenError for ${code}`);
    assert.match(e.stack, new RegExp(`^${Class.name}: `));
  }
});

test('version and clock', () => {
  const pkg = require('../package.json');
  assert.equal(jwtmint.version(), pkg.version);
  assert.equal(jwtmint.ABI_VERSION, 1);
  const before = Math.floor(Date.now() / 1000);
  const now = jwtmint.now();
  const after = Math.floor(Date.now() / 1000);
  assert.ok(Number.isSafeInteger(now) && now >= before && now <= after, `${before} <= ${now} <= ${after}`);
});
