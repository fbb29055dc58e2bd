'use strict';
// Error paths: the library's rejections as JwtMintError subclasses with the stable code and
// name; wrong JavaScript types and ranges as TypeError/RangeError before any library call.

const test = require('node:test');
const assert = require('node:assert/strict');
const util = require('node:util');
const jwtmint = require('..');
const { native } = require('../lib/native');
const { signWithNodeCrypto } = require('./helpers');

const { Key, ApiTokenMinter, Verifier, mint, mintJson, mintApiToken, JwtMintError } = jwtmint;

const SECRET = 'error-path-secret-0123456789-abcdefghij';
const NOW = 1_700_000_000;
const HEADER = '{"alg":"HS256","typ":"JWT"}';
const token = (payload, secret = SECRET, header = HEADER) => signWithNodeCrypto(secret, header, JSON.stringify(payload));

/** Asserts that `call` throws a JwtMintError of `Class` with `code` and `codeName`. */
function throwsCode(call, Class, code, codeName) {
  assert.throws(call, (e) => {
    assert.ok(e instanceof Class, `${e && e.name} is not a ${Class.name}: ${e && e.message}`);
    assert.ok(e instanceof JwtMintError && e instanceof Error);
    assert.equal(e.code, code);
    assert.equal(e.codeName, codeName);
    assert.equal(e.name, Class.name);
    assert.ok(e.message.length > 0);
    return true;
  });
}

test('wrong secret: InvalidSignatureError (400)', () => {
  const verifier = new Verifier(SECRET);
  const forged = token({ exp: NOW + 60 }, `${SECRET}-not-it`);
  throwsCode(() => verifier.verify(forged, { now: NOW }), jwtmint.InvalidSignatureError, 400, 'invalid_signature');
  assert.throws(() => verifier.check(forged, { now: NOW }), jwtmint.TokenError);
});

test('expired, not yet valid, issued in the future, wrong issuer: ClaimsError codes', () => {
  const verifier = new Verifier(SECRET, { leeway: 0, issuer: 'me', required: ['exp', 'iss'] });
  throwsCode(() => verifier.verify(token({ iss: 'me', exp: NOW }), { now: NOW }), jwtmint.ExpiredError, 500, 'expired');
  throwsCode(() => verifier.verify(token({ iss: 'me', exp: NOW + 60, nbf: NOW + 1 }), { now: NOW }), jwtmint.ClaimsError, 501, 'not_yet_valid');
  throwsCode(() => verifier.verify(token({ iss: 'me', exp: NOW + 60, iat: NOW + 1 }), { now: NOW }), jwtmint.ClaimsError, 502, 'issued_in_future');
  throwsCode(() => verifier.verify(token({ exp: NOW + 60 }), { now: NOW }), jwtmint.ClaimsError, 503, 'missing_claim');
  throwsCode(() => verifier.verify(token({ iss: 'me', exp: '2000000000' }), { now: NOW }), jwtmint.ClaimsError, 504, 'malformed_claim');
  throwsCode(() => verifier.verify(token({ iss: 'you', exp: NOW + 60 }), { now: NOW }), jwtmint.ClaimsError, 505, 'issuer_mismatch');
  // The same token passes a second later on the clock it was made for.
  assert.deepEqual(verifier.verify(token({ iss: 'me', exp: NOW + 1 }), { now: NOW }), { iss: 'me', exp: NOW + 1 });
});

test('Zoom API preset: iss must be the API key; iat and exp required', () => {
  const verifier = Verifier.zoomApi(SECRET, 'the-api-key');
  const good = { iss: 'the-api-key', iat: NOW - 30, exp: NOW + 3570 };
  assert.deepEqual(verifier.verify(token(good), { now: NOW }), good);
  throwsCode(() => verifier.verify(token({ ...good, iss: 'other' }), { now: NOW }), jwtmint.ClaimsError, 505, 'issuer_mismatch');
  throwsCode(() => verifier.verify(token({ iss: 'the-api-key', exp: NOW + 60 }), { now: NOW }), jwtmint.ClaimsError, 503, 'missing_claim');
  // Options apply on top of the preset.
  const strict = Verifier.zoomApi(SECRET, 'the-api-key', { leeway: 0, maxLen: 64 });
  throwsCode(() => strict.verify(token(good), { now: NOW }), jwtmint.MalformedTokenError, 200, 'too_long');
});

test('malformed tokens and headers: MalformedTokenError / UnsupportedHeaderError', () => {
  const verifier = new Verifier(SECRET);
  throwsCode(() => verifier.verify('not-a-token', { now: NOW }), jwtmint.MalformedTokenError, 201, 'segment_count');
  throwsCode(() => verifier.verify('a..b', { now: NOW }), jwtmint.MalformedTokenError, 202, 'empty_segment');
  throwsCode(() => verifier.verify('', { now: NOW }), jwtmint.MalformedTokenError, 201, 'segment_count');
  throwsCode(() => verifier.verify('é.é.é', { now: NOW }), jwtmint.MalformedTokenError, 203, 'invalid_base64');
  throwsCode(() => verifier.verify('\ud800.a.b', { now: NOW }), jwtmint.MalformedTokenError, 203, 'invalid_base64');
  const none = token({ exp: NOW + 60 }, SECRET, '{"alg":"none"}');
  throwsCode(() => verifier.verify(none, { now: NOW }), jwtmint.UnsupportedHeaderError, 301, 'unsupported_algorithm');
  throwsCode(() => new Verifier(SECRET, { maxLen: 10 }).verify(token({ exp: NOW + 60 }), { now: NOW }), jwtmint.MalformedTokenError, 200, 'too_long');
});

test('keys: empty, short and badly encoded secrets are InvalidKeyError', () => {
  throwsCode(() => new Key(''), jwtmint.InvalidKeyError, 100, 'empty_secret');
  throwsCode(() => new Key('x'.repeat(31)), jwtmint.InvalidKeyError, 101, 'weak_secret');
  throwsCode(() => new Key(Buffer.alloc(31)), jwtmint.InvalidKeyError, 101, 'weak_secret');
  throwsCode(() => Key.fromEncoded('zz'.repeat(32), 'hex'), jwtmint.InvalidKeyError, 102, 'invalid_secret_encoding');
  throwsCode(() => Key.fromEncoded('ab'.repeat(16), 'hex'), jwtmint.InvalidKeyError, 101, 'weak_secret');
  throwsCode(() => Key.fromEncoded('!!!!', 'base64'), jwtmint.InvalidKeyError, 102, 'invalid_secret_encoding');
  throwsCode(() => Key.fromEncoded(SECRET, 'rot13'), JwtMintError, 103, 'invalid_argument');
  // 32 bytes is enough, in each form.
  new Key('x'.repeat(32)).close();
  new Key(new Uint8Array(32).fill(7)).close();
  new Key(new ArrayBuffer(32)).close();
  Key.fromEncoded('ab'.repeat(32), 'hex').close();
  Key.fromEncoded(Buffer.alloc(32, 1).toString('base64'), 'base64').close();
  Key.fromEncoded(Buffer.alloc(32, 0xfb).toString('base64url'), 'base64url').close();
});

test('errors never show the secret', () => {
  const secret = 'hunter2-is-too-short';
  try {
    new Key(secret);
    assert.fail('a short secret was accepted');
  } catch (e) {
    assert.ok(!util.inspect(e).includes(secret));
    assert.ok(!JSON.stringify(e).includes(secret));
    assert.ok(!String(e.stack).includes(secret));
  }
  const key = new Key(SECRET);
  assert.ok(!util.inspect(key).includes(SECRET));
  assert.ok(!util.inspect(key, { showHidden: true }).includes(SECRET));
  assert.equal(JSON.stringify(key), '{}');
});

test('minting errors come from the library with their codes', () => {
  const key = new Key(SECRET);
  throwsCode(() => new ApiTokenMinter('api', key, { ttl: 0 }), JwtMintError, 103, 'invalid_argument');
  throwsCode(() => new ApiTokenMinter('', key), JwtMintError, 103, 'invalid_argument');
  throwsCode(() => new ApiTokenMinter('api', key, { skew: 60, ttl: 60 }).mint({ now: NOW }), JwtMintError, 103, 'invalid_argument');
  throwsCode(() => mintApiToken('api', key, { now: 2n ** 63n - 1n }), JwtMintError, 104, 'time_overflow');
  throwsCode(() => mintApiToken('api', key, { now: -(2n ** 63n) }), JwtMintError, 104, 'time_overflow');
  throwsCode(() => mint(key, [1, 2]), JwtMintError, 106, 'claims_not_an_object');
  throwsCode(() => mint(key, { exp: 'soon' }), jwtmint.ClaimsError, 504, 'malformed_claim');
  throwsCode(() => mintJson(key, '{"a":1,"a":2}'), jwtmint.MalformedTokenError, 206, 'duplicate_member');
  throwsCode(() => mintJson(key, '{"a":'), jwtmint.MalformedTokenError, 204, 'invalid_json');
  throwsCode(() => mintJson(key, ''), jwtmint.MalformedTokenError, 204, 'invalid_json');
  throwsCode(() => new ApiTokenMinter('api\ud800', key), JwtMintError, 901, 'invalid_utf8');
  throwsCode(() => new Key('\udc00'.repeat(40)), JwtMintError, 901, 'invalid_utf8');
  // Long API keys take the retry with the size the library asks for.
  const long = 'k'.repeat(5000);
  const t = mintApiToken(long, key, { now: NOW });
  assert.equal(Verifier.zoomApi(key, long, { maxLen: 100_000 }).verify(t, { now: NOW }).iss, long);
  // Large claims too.
  const big = { exp: NOW + 60, data: 'x'.repeat(40_000) };
  assert.deepEqual(new Verifier(key, { maxLen: 1_000_000 }).verify(mint(key, big), { now: NOW }), big);
});

test('required claim names are data: each reaches the library as it is', () => {
  // The library refuses an empty name (103); the binding neither splits nor trims.
  throwsCode(() => new Verifier(SECRET, { required: [''] }), JwtMintError, 103, 'invalid_argument');
  throwsCode(() => new Verifier(SECRET, { required: ['exp', ''] }), JwtMintError, 103, 'invalid_argument');
  const outcome = (required, t) => {
    try {
      new Verifier(SECRET, { required }).verify(t, { now: NOW });
      return 0;
    } catch (e) {
      return e.code;
    }
  };
  const odd = token({ 'exp,iat': 1, ' sub': 'u' });
  const plain = token({ exp: NOW + 60, iat: NOW, sub: 'u' });
  assert.equal(outcome(['exp,iat'], odd), 0);
  assert.equal(outcome(['exp,iat'], plain), 503);
  assert.equal(outcome([' sub'], odd), 0);
  assert.equal(outcome([' sub'], plain), 503);
  // A name given twice counts once.
  assert.equal(outcome(['sub', 'sub'], plain), 0);
  assert.equal(outcome(['jti', 'jti'], plain), 503);
  // [] requires nothing, not even the default exp.
  assert.equal(outcome([], token({ sub: 'u' })), 0);
  assert.equal(outcome(undefined, token({ sub: 'u' })), 503);
});

/** Counts calls into the library while `body` runs (native's functions are looked up per call). */
function countNativeCalls(body) {
  const saved = { ...native };
  let calls = 0;
  for (const [name, fn] of Object.entries(saved)) {
    native[name] = (...args) => {
      calls += 1;
      return fn(...args);
    };
  }
  try {
    body();
  } finally {
    Object.assign(native, saved);
  }
  return calls;
}

test('wrong argument types are TypeErrors, before any library call', () => {
  const key = new Key(SECRET);
  const verifier = new Verifier(key);
  const minter = new ApiTokenMinter('api', key);
  const typeErrors = [
    () => verifier.verify(12345),
    () => verifier.verify(null),
    () => verifier.verify({ token: 'a.b.c' }),
    () => verifier.verify(['a.b.c']),
    () => verifier.check(undefined),
    () => verifier.verifyJson(Symbol('t')),
    () => verifier.verify('a.b.c', { now: '1700000000' }),
    () => verifier.verify('a.b.c', 1700000000),
    () => verifier.verify('a.b.c', { nwo: 1 }),
    () => new Key(42),
    () => new Key(null),
    () => new Key(),
    () => new Key([1, 2, 3]),
    () => Key.fromEncoded(Buffer.from('x'), 'utf8'),
    () => Key.fromEncoded(SECRET, 4),
    () => new ApiTokenMinter(42, key),
    () => new ApiTokenMinter('api', 42),
    () => new ApiTokenMinter('api', {}),
    () => new ApiTokenMinter('api', key, { skew: '30' }),
    () => new ApiTokenMinter('api', key, { tll: 60 }),
    () => minter.mint({ now: null }),
    () => minter.mint('now'),
    () => mintApiToken('api', key, { now: {} }),
    () => mintApiToken(undefined, key),
    () => mint(key, 'claims'),
    () => mint(key, null),
    () => mint(key, 42),
    () => mint(key, { n: 1n }),
    () => mint(key, (() => { const o = {}; o.self = o; return o; })()),
    () => mint(key, { toJSON: () => undefined }),
    () => mintJson(key, { exp: 1 }),
    () => new Verifier(key, { issuer: 42 }),
    () => new Verifier(key, { required: 'exp' }),
    () => new Verifier(key, { required: ['exp', 5] }),
    () => new Verifier(key, { leeway: '60' }),
    () => new Verifier(key, { maxlen: 10 }),
    () => new Verifier(key, []),
    () => Verifier.zoomApi(key, null),
    () => new Verifier(7),
    () => Verifier.zoomApi(undefined, 'api'),
  ];
  const rangeErrors = [
    () => minter.mint({ now: 1.5 }),
    () => minter.mint({ now: NaN }),
    () => minter.mint({ now: Infinity }),
    () => minter.mint({ now: 2 ** 60 }),
    () => minter.mint({ now: 2n ** 63n }),
    () => minter.mint({ now: new Date(NaN) }),
    () => new ApiTokenMinter('api', key, { skew: -1 }),
    () => new ApiTokenMinter('api', key, { ttl: 2n ** 64n }),
    () => new Verifier(key, { leeway: -1 }),
    () => new Verifier(key, { maxLen: 0.5 }),
  ];
  const calls = countNativeCalls(() => {
    for (const call of typeErrors) {
      assert.throws(call, (e) => e instanceof TypeError && !(e instanceof JwtMintError), String(call));
    }
    for (const call of rangeErrors) {
      assert.throws(call, (e) => e instanceof RangeError && e.code === 'ERR_OUT_OF_RANGE', String(call));
    }
  });
  assert.equal(calls, 0, 'no library call for a wrongly typed argument');
  // The counter does count: a real call goes through it.
  assert.ok(countNativeCalls(() => minter.mint({ now: NOW })) > 0);
});

test('wide values pass through exactly: BigInt times and u64 lifetimes', () => {
  const key = new Key(SECRET);
  const ttl = 2n ** 40n;
  const t = new ApiTokenMinter('api', key, { ttl }).mint({ now: NOW });
  const claims = JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString());
  assert.equal(claims.exp, NOW - 30 + Number(ttl));
  // A verifier with a huge leeway accepts a token long expired.
  const old = token({ exp: 1000 });
  assert.equal(new Verifier(SECRET, { leeway: 2n ** 62n }).verify(old, { now: NOW }).exp, 1000);
  assert.throws(() => new Verifier(SECRET).verify(old, { now: NOW }), jwtmint.ExpiredError);
});
