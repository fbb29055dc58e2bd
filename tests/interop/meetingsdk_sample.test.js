// jwtmint's Meeting SDK tokens against the signing logic of Zoom's
// meetingsdk-auth-endpoint-sample (src/index.js), reproduced here from its documented
// behaviour with jsrsasign, the library the sample signs with: 150 random valid requests give
// byte-identical tokens from both at the same second, and jwtmint verifies every sample token.
// Needs JWTMINT_BIN (the jwtmint binary) and `npm ci` in this folder.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { spawnSync } = require("node:child_process");
const KJUR = require("jsrsasign");

const BIN = process.env.JWTMINT_BIN;

// The sample's request handling: role, expirationSeconds and videoWebRtcMode given as strings
// are parseInt'ed; iat is the current second (no backdating); exp is iat plus
// expirationSeconds, or two hours; tokenExp is exp; the payload members are appKey, sdkKey,
// mn, role, iat, exp, tokenExp, video_webrtc_mode, and JSON.stringify drops the undefined ones.
function sampleToken(body, sdkKey, sdkSecret, nowMs) {
  const coerced = { ...body };
  for (const k of ["role", "expirationSeconds", "videoWebRtcMode"]) {
    if (typeof body[k] === "string") coerced[k] = parseInt(body[k]);
  }
  const { meetingNumber, role, expirationSeconds, videoWebRtcMode } = coerced;
  const iat = Math.floor(nowMs / 1000);
  const exp = expirationSeconds ? iat + expirationSeconds : iat + 60 * 60 * 2;
  const payload = {
    appKey: sdkKey,
    sdkKey: sdkKey,
    mn: meetingNumber,
    role,
    iat,
    exp,
    tokenExp: exp,
    video_webrtc_mode: videoWebRtcMode,
  };
  return KJUR.jws.JWS.sign("HS256", JSON.stringify({ alg: "HS256", typ: "JWT" }),
    JSON.stringify(payload), sdkSecret);
}

// A deterministic generator, so a failure names a reproducible case.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomRequest(r) {
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  const text = (alphabet, min, max) => {
    const n = min + Math.floor(r() * (max - min + 1));
    let s = "";
    for (let i = 0; i < n; i++) s += pick(alphabet);
    return s;
  };
  const body = {};
  if (r() < 0.8) {
    // The sample's README documents meetingNumber as a string of digits.
    body.meetingNumber = text("0123456789", 9, 11);
    const role = pick([0, 1]);
    body.role = r() < 0.3 ? String(role) : role;
  }
  if (r() < 0.6) {
    const secs = 1800 + Math.floor(r() * (172800 - 1800 + 1));
    body.expirationSeconds = r() < 0.3 ? String(secs) : secs;
  }
  if (r() < 0.4) {
    const mode = pick([0, 1]);
    body.videoWebRtcMode = r() < 0.3 ? String(mode) : mode;
  }
  return {
    body,
    sdkKey: text(ALNUM, 8, 30),
    // Some secrets look like hex, which jsrsasign decodes: jwtmint reads them the same way
    // with --secret-encoding jsrsasign.
    secret: r() < 0.2 ? text("0123456789abcdef", 64, 64) : text(ALNUM, 32, 40),
    now: 1600000000 + Math.floor(r() * 500000000),
  };
}

// The same request as jwtmint's flags (the numbers as the sample has parsed them).
function jwtmintArgs(req) {
  const args = ["meetingsdk", "--sdk-key", req.sdkKey, "--skew", "0", "--now", String(req.now),
    "--secret-encoding", "jsrsasign"];
  const { meetingNumber, role, expirationSeconds, videoWebRtcMode } = req.body;
  if (meetingNumber !== undefined) {
    args.push("--mn", meetingNumber, "--role", String(parseInt(role)));
  }
  if (expirationSeconds !== undefined) args.push("--ttl", String(parseInt(expirationSeconds)));
  if (videoWebRtcMode !== undefined) {
    args.push("--video-webrtc-mode", String(parseInt(videoWebRtcMode)));
  }
  return args;
}

function jwtmint(args, secret) {
  return spawnSync(BIN, args, { env: { ...process.env, ZOOM_MEETING_SDK_SECRET: secret } });
}

test("150 random requests: jwtmint's token is the sample's, and verifies", () => {
  assert.ok(BIN, "set JWTMINT_BIN to the jwtmint binary");
  const r = rng(20260913);
  const seen = { native: 0, web: 0, webrtc: 0, ttl: 0 };
  for (let i = 0; i < 150; i++) {
    const req = randomRequest(r);
    const expected = sampleToken(req.body, req.sdkKey, req.secret, req.now * 1000 + 999);
    const minted = jwtmint(jwtmintArgs(req), req.secret);
    assert.equal(minted.status, 0, `case ${i}: ${minted.stderr}`);
    assert.equal(minted.stdout.toString().trim(), expected, `case ${i}: ${JSON.stringify(req)}`);
    const verified = jwtmint(["meetingsdk", "verify", expected, "--now", String(req.now),
      "--secret-encoding", "jsrsasign", "--sdk-key", req.sdkKey], req.secret);
    assert.equal(verified.status, 0, `case ${i}: ${verified.stderr}`);
    const payload = JSON.parse(verified.stdout.toString());
    assert.equal(payload.tokenExp, payload.exp);
    seen[req.body.meetingNumber === undefined ? "native" : "web"] += 1;
    if (req.body.videoWebRtcMode !== undefined) seen.webrtc += 1;
    if (req.body.expirationSeconds !== undefined) seen.ttl += 1;
  }
  // Every shape of request was exercised.
  for (const [shape, n] of Object.entries(seen)) assert.ok(n >= 10, `${shape}: ${n}`);
});

test("the sample's token fails jwtmint's checks once expired or under another secret", () => {
  const body = { meetingNumber: "123456789", role: 1 };
  const token = sampleToken(body, "sdk-key", "Zoom-Meeting-SDK-Secret-Of-36-Chars!", 1700000000000);
  let v = jwtmint(["meetingsdk", "verify", token, "--now", String(1700000000 + 7200 + 60)],
    "Zoom-Meeting-SDK-Secret-Of-36-Chars!");
  assert.equal(v.status, 1);
  assert.match(v.stderr.toString(), /code 500 expired/);
  v = jwtmint(["meetingsdk", "verify", token, "--now", "1700000000"],
    "Another-Meeting-SDK-Secret-Of-36-Chr");
  assert.equal(v.status, 1);
  assert.match(v.stderr.toString(), /code 400 invalid_signature/);
});
