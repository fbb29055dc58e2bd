'use strict';
// tests/corpus/*.json: the adversarial corpus (tokens and expected codes from
// tests/corpus/generate.py, Python's standard library, never from jwtmint). Every case must get
// exactly its expected code, through verify(), verifyJson() and check() alike.

const test = require('node:test');
const assert = require('node:assert/strict');
const { Key, Verifier, JwtMintError, TokenError } = require('..');
const { corpusFiles } = require('./helpers');

/** The corpus's verifier options, in the binding's names. */
function verifierFor(key, options = {}) {
  const names = { leeway: 'leeway', max_len: 'maxLen', issuer: 'issuer', audience: 'audience', required: 'required' };
  const opts = {};
  for (const [name, value] of Object.entries(options)) {
    assert.ok(name in names, `unknown corpus verifier option ${name}`);
    opts[names[name]] = value;
  }
  return new Verifier(key, opts);
}

/** The code a call ends with: 0 when it returns, the error's code when it throws one. */
function codeOf(call) {
  try {
    call();
    return 0;
  } catch (e) {
    if (!(e instanceof JwtMintError)) throw e;
    // Every rejection of a token is a TokenError with the library's name for its code.
    assert.ok(e instanceof TokenError, `${e.name} (${e.code}) is not a TokenError`);
    return e.code;
  }
}

const files = corpusFiles();

test('the corpus is there', () => {
  const cases = files.reduce((n, [, doc]) => n + doc.cases.length, 0);
  assert.ok(files.length >= 6, `${files.length} corpus files`);
  assert.ok(cases >= 200, `${cases} corpus cases`);
  // Both verdicts are exercised: the corpus accepts some tokens and rejects most.
  const expected = new Set(files.flatMap(([, doc]) => doc.cases.map((c) => c.expect)));
  assert.ok(expected.has(0) && expected.has(400) && expected.has(500), 'acceptance, bad MAC and expiry are all present');
});

for (const [file, doc] of files) {
  test(`corpus ${file}: every case gets its expected code`, () => {
    const key = Key.fromEncoded(doc.secret, doc.secret_encoding);
    const failures = [];
    for (const c of doc.cases) {
      const verifier = verifierFor(key, c.verifier);
      const got = {
        verify: codeOf(() => {
          const claims = verifier.verify(c.token, { now: c.now });
          assert.equal(typeof claims, 'object');
          assert.ok(claims !== null && !Array.isArray(claims));
        }),
        verifyJson: codeOf(() => verifier.verifyJson(c.token, { now: c.now })),
        check: codeOf(() => verifier.check(c.token, { now: c.now })),
        bytes: codeOf(() => verifier.check(Buffer.from(c.token, 'utf8'), { now: c.now })),
      };
      for (const [path, code] of Object.entries(got)) {
        if (code !== c.expect) failures.push(`${c.name} (${path}): expected ${c.expect}, got ${code}`);
      }
      verifier.close();
    }
    key.close();
    assert.deepEqual(failures, [], `${failures.length} of ${doc.cases.length} cases failed`);
    assert.ok(doc.cases.length > 0);
  });
}
