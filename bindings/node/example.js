'use strict';
// Mint a Zoom API JWT, as Zoom's Node.js sample does, and verify it.
//
//   ZOOM_API_KEY=... ZOOM_API_SECRET=... node example.js
//
// Without the variables, a demo key and secret are used. Prints the token, then the claims.

const { ApiTokenMinter, Verifier, Key, TokenError } = require('.');

const apiKey = process.env.ZOOM_API_KEY || 'demo-api-key';
const secret = process.env.ZOOM_API_SECRET || 'demo-secret-of-at-least-32-bytes!!';

// Build the key and the minter once, at startup; mint per request.
const key = new Key(secret);
const minter = new ApiTokenMinter(apiKey, key, { ttl: 3600 });
const verifier = Verifier.zoomApi(key, apiKey);
key.close(); // the minter and the verifier keep their own reference

const token = minter.mint();
console.log(token);

try {
  console.log(verifier.verify(token));
} catch (e) {
  if (e instanceof TokenError) {
    console.error(`rejected: ${e.codeName} (${e.code}): ${e.message}`);
    process.exitCode = 1;
  } else {
    throw e;
  }
}
