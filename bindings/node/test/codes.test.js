'use strict';
// The `codes` table (read from the library) and the error classes against the C header's
// #defines and the loaded library's own names and messages.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const jwtmint = require('..');
const { errorFor } = require('../lib/results');
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

test('the table has every result code of the header', () => {
  const { native } = require('../lib/native');
  const header = fs.readFileSync(path.join(REPO_ROOT, 'include', 'jwtmint.h'), 'utf8');
  // The result codes are the #defines the library names; the others (ABI version, secret
  // encodings, defaults) it does not.
  const results = [...header.matchAll(/^#define JWTMINT_([A-Z0-9_]+) (\d+)$/gm)].filter(
    (m) => native.result_name(Number(m[2])) === m[1].toLowerCase(),
  );
  assert.ok(results.length >= 45, `${results.length} result codes in the header`);
  for (const [, name, number] of results) assert.equal(codes[name], Number(number), name);
  assert.equal(Object.keys(codes).length, results.length);
  assert.ok(Object.isFrozen(codes));
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
  const header = fs.readFileSync(path.join(REPO_ROOT, 'include', 'jwtmint.h'), 'utf8');
  assert.equal(jwtmint.ABI_VERSION, Number(/^#define JWTMINT_ABI_VERSION (\d+)$/m.exec(header)[1]));
  assert.equal(jwtmint.ABI_VERSION, 2);
  const before = Math.floor(Date.now() / 1000);
  const now = jwtmint.now();
  const after = Math.floor(Date.now() / 1000);
  assert.ok(Number.isSafeInteger(now) && now >= before && now <= after, `${before} <= ${now} <= ${after}`);
});

test("index.d.ts declares exactly the library's codes", () => {
  const declarations = fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8');
  const block = /export const codes: Readonly<\{([^}]*)\}>/.exec(declarations)[1];
  const declared = Object.fromEntries([...block.matchAll(/(\w+): (\d+);/g)].map((m) => [m[1], Number(m[2])]));
  assert.deepEqual(declared, { ...codes });
});
