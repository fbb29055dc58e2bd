'use strict';
// Shared by the tests: the repository's shared test data, read as the Rust tests read it.

const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function readJson(...parts) {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, ...parts), 'utf8'));
}

/** tests/vectors/<name>.json */
function vectors(name) {
  return readJson('tests', 'vectors', `${name}.json`);
}

/** Every tests/corpus/*.json file, sorted by name, as [fileName, document]. */
function corpusFiles() {
  const dir = path.join(REPO_ROOT, 'tests', 'corpus');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, readJson('tests', 'corpus', f)]);
}

/** HMAC-SHA256 JWT over exact header and payload texts, with node:crypto (independent of jwtmint). */
function signWithNodeCrypto(secret, headerText, payloadText) {
  const crypto = require('node:crypto');
  const b64 = (s) => Buffer.from(s, 'utf8').toString('base64url');
  const input = `${b64(headerText)}.${b64(payloadText)}`;
  const mac = crypto.createHmac('sha256', secret).update(input).digest('base64url');
  return `${input}.${mac}`;
}

module.exports = { REPO_ROOT, readJson, vectors, corpusFiles, signWithNodeCrypto };
