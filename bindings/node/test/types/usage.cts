// Type-checked (not run) by types.test.js: the CommonJS entry's declarations.
import jwtmint = require('jwtmint');
import { Key, ApiTokenMinter, Verifier, mint, mintApiToken, JwtMintError, ExpiredError, codes } from 'jwtmint';

const key: Key = Key.fromEncoded('00'.repeat(32), 'hex');
const minter = new ApiTokenMinter('api', key, { skew: 30, ttl: 3600n });
const token: string = minter.mint({ now: new Date() });
const claims: Record<string, unknown> = Verifier.zoomApi(key, 'api', { leeway: 0 }).verify(token);
const json: string = new Verifier(new Uint8Array(32), { required: ['exp'], maxLen: 8192 }).verifyJson(token, { now: 1 });
const t2: string = mintApiToken('api', 'secret'.repeat(6), { now: 1n });
const t3: string = mint(key, { exp: 1 });
const code: 500 = codes.EXPIRED;
try {
  jwtmint.mint(key, {});
} catch (e) {
  if (e instanceof ExpiredError) {
    const c: number = e.code;
    const n: string = e.codeName;
    void c, n;
  } else if (e instanceof JwtMintError) {
    void e.message;
  }
}
// @ts-expect-error a token is a string or bytes
new Verifier(key).verify(12345);
// @ts-expect-error unknown option
new Verifier(key, { maxlen: 5 });
// @ts-expect-error unknown encoding
Key.fromEncoded('x', 'rot13');
// @ts-expect-error claims are an object
mint(key, 'claims');
void claims, json, t2, t3, code;
// The Zoom extras.
const cache = new jwtmint.ApiTokenCache(minter, { refreshMargin: 60 });
const cached: string = cache.token();
const count: number = cache.mintCount;
const sdk: string = jwtmint.mintVideoSdkToken(key, { appKey: 'k', tpc: 't', role: 'host', geoRegions: ['US'], videoWebrtcMode: true });
const sdkClaims: jwtmint.VideoSdkClaims = new jwtmint.VideoSdkVerifier(key, 'k').verify(sdk);
const webhook = new jwtmint.Webhook('secret', { tolerance: 300 });
const ts: number | bigint = webhook.verify('1', new Uint8Array(0), 'v0=', { now: 1 });
const answer: { plainToken: string; encryptedToken: string } = webhook.urlValidation(1, '{}', 'v0=');
const signature: string = webhook.sign(1n, '{}');
// @ts-expect-error the role is required
jwtmint.mintVideoSdkToken(key, { appKey: 'k', tpc: 't' });
// @ts-expect-error roles are participant or host
jwtmint.mintVideoSdkToken(key, { appKey: 'k', tpc: 't', role: 'admin' });
void cached, count, sdkClaims, ts, answer, signature;
