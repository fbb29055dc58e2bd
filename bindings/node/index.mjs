// ES module entry: the same objects as the CommonJS entry (one instance, one loaded library).
import jwtmint from './index.js';

export const {
  Key,
  ApiTokenMinter,
  Verifier,
  ApiTokenCache,
  VideoSdkVerifier,
  Webhook,
  mintApiToken,
  mintVideoSdkToken,
  mint,
  mintJson,
  now,
  version,
  ABI_VERSION,
  DEFAULT_SKEW,
  DEFAULT_TTL,
  DEFAULT_REFRESH_MARGIN,
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
