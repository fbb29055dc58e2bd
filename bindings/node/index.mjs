// ES module entry: the same objects as the CommonJS entry (one instance, one loaded library).
import jwtmint from './index.js';

export const {
  Key,
  ApiTokenMinter,
  Verifier,
  mintApiToken,
  mint,
  mintJson,
  now,
  version,
  ABI_VERSION,
  DEFAULT_SKEW,
  DEFAULT_TTL,
  codes,
  JwtMintError,
  InvalidKeyError,
  TokenError,
  MalformedTokenError,
  UnsupportedHeaderError,
  InvalidSignatureError,
  ClaimsError,
  ExpiredError,
  WebhookError,
  ClosedError,
} = jwtmint;
export default jwtmint;
