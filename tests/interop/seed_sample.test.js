// jwtmint against Zoom's own sample (jsrsasign): byte-identical tokens, and each side
// accepts the other's. Needs JWTMINT_BIN (the jwtmint binary) and `npm ci` in this folder.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync, spawnSync } = require("node:child_process");
const path = require("node:path");
const KJUR = require("jsrsasign");

const BIN = process.env.JWTMINT_BIN;
const API_KEY = "abcdefghijklmnopqrstuv";
// Not hex-looking: jsrsasign reads such a string as its (here ASCII) bytes.
const SECRET = "Zoom-Api-Secret-Of-36-Chars-XYZ-1234";
const NOW = 1700000000;

function seedToken(now, env = {}) {
  return execFileSync(
    process.execPath,
    ["-r", path.join(__dirname, "fixed_clock.js"), path.join(__dirname, "seed_sample.js")],
    { env: { ...process.env, ZOOM_API_KEY: API_KEY, ZOOM_API_SECRET: SECRET, JWTMINT_FIXED_NOW: String(now), ...env } },
  ).toString().trim();
}

function jwtmint(args, env = {}) {
  return spawnSync(BIN, args, {
    env: { ...process.env, ZOOM_API_KEY: API_KEY, ZOOM_API_SECRET: SECRET, ...env },
  });
}

test("JWTMINT_BIN is set", () => {
  assert.ok(BIN, "set JWTMINT_BIN to the jwtmint binary");
});

test("jwtmint mints the seed sample's exact token", () => {
  for (const now of [NOW, 1662147076, 2000000001]) {
    const expected = seedToken(now);
    // The sample backdates iat by 30 s and lives two hours.
    const r = jwtmint(["mint", "--now", String(now), "--ttl", "7200", "--skew", "30"]);
    assert.equal(r.status, 0, r.stderr.toString());
    assert.equal(r.stdout.toString().trim(), expected, `now=${now}`);
  }
});

test("jsrsasign accepts jwtmint's token", () => {
  const r = jwtmint(["mint", "--now", String(NOW)]);
  assert.equal(r.status, 0, r.stderr.toString());
  const token = r.stdout.toString().trim();
  const ok = KJUR.jws.JWS.verifyJWT(token, { utf8: SECRET }, {
    alg: ["HS256"], iss: [API_KEY], verifyAt: NOW,
  });
  assert.equal(ok, true);
  const wrong = KJUR.jws.JWS.verifyJWT(token, { utf8: SECRET + "x" }, { alg: ["HS256"], verifyAt: NOW });
  assert.equal(wrong, false);
});

test("jwtmint accepts the seed sample's token and rejects it once expired", () => {
  const token = seedToken(NOW);
  let r = jwtmint(["verify", token, "--now", String(NOW)]);
  assert.equal(r.status, 0, r.stderr.toString());
  const payload = JSON.parse(r.stdout.toString());
  assert.deepEqual(payload, { iss: API_KEY, iat: NOW - 30, exp: NOW - 30 + 7200 });
  r = jwtmint(["verify", token, "--now", String(NOW + 7200 + 60)]);
  assert.equal(r.status, 1);
  assert.match(r.stderr.toString(), /^error: .*expired/);
});
