'use strict';
// example.js runs and prints a Zoom API token signed with the given secret.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');

test('example.js mints and verifies a Zoom API token', () => {
  const secret = 'example-test-secret-0123456789abcdefgh';
  const before = Math.floor(Date.now() / 1000);
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'example.js')], {
    env: { ...process.env, ZOOM_API_KEY: 'example-key', ZOOM_API_SECRET: secret },
    encoding: 'utf8',
  });
  const after = Math.floor(Date.now() / 1000);
  const [token] = out.split('\n');
  const [head, body, mac] = token.split('.');
  assert.equal(crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url'), mac);
  assert.equal(Buffer.from(head, 'base64url').toString(), '{"alg":"HS256","typ":"JWT"}');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  assert.equal(claims.iss, 'example-key');
  assert.ok(claims.iat >= before - 30 && claims.iat <= after - 30, JSON.stringify(claims));
  assert.equal(claims.exp, claims.iat + 3600);
  assert.match(out, /iss: 'example-key'/);
});
