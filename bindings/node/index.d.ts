// Type declarations for jwtmint, the Node.js binding of libjwtmint: strict, fast HS256 JWTs
// for Zoom's APIs. Every check is the Rust library's; this package only carries values across.

/** Secret bytes: a string is taken as its UTF-8 bytes (what a Zoom API secret is). */
export type Secret = string | Uint8Array | ArrayBuffer;

/** A time in whole seconds since the Unix epoch (a Date is floored to its second). */
export type Time = number | bigint | Date;

/** An unsigned count (seconds or bytes). Numbers must be safe integers; use a bigint beyond. */
export type Count = number | bigint;

/** How `Key.fromEncoded` reads secret text. */
export type SecretEncoding = 'utf8' | 'utf-8' | 'text' | 'hex' | 'base64' | 'base64url' | 'jsrsasign';

/** Verified claims: the payload JSON object, parsed with JSON.parse. */
export type Claims = Record<string, unknown>;

/**
 * An HS256 key, built once from the secret: the library keeps the keyed HMAC state, never the
 * secret. Minters and verifiers made from it keep their own reference, so it may be closed
 * once they are made. Not transferable between workers: make one per worker from the secret.
 */
export class Key {
  /**
   * @param secret at least 32 bytes (RFC 7518 section 3.2); a string is its UTF-8 bytes.
   * @throws {InvalidKeyError} empty (100) or shorter than 32 bytes (101).
   * @throws {TypeError} not a string, Uint8Array or ArrayBuffer.
   */
  constructor(secret: Secret);
  /**
   * A key from secret text in an encoding. "jsrsasign" reads the text as Zoom's Node.js samples
   * do: even-length hex is decoded, anything else is one byte per UTF-16 code unit.
   * @throws {InvalidKeyError} invalid in the encoding (102), empty (100) or too short (101).
   * @throws {JwtMintError} an unknown encoding name (103).
   */
  static fromEncoded(text: string, encoding?: SecretEncoding): Key;
  /** Frees the key and wipes its key material now. Later use throws ClosedError. */
  close(): void;
  /** Whether close() has been called. */
  readonly closed: boolean;
}

/** Where a Key is expected, a secret may be passed: a temporary Key is made and closed. */
export type KeyLike = Key | Secret;

export interface ApiTokenMinterOptions {
  /** How far `iat` is backdated from now, in seconds (default 30). */
  skew?: Count;
  /** The token's lifetime, `exp - iat`, in seconds (default 3600). */
  ttl?: Count;
}

export interface NowOptions {
  /** The time to mint or verify at (default: the system clock). */
  now?: Time;
}

/**
 * Mints Zoom API JWTs for one API key: header `{"alg":"HS256","typ":"JWT"}`, payload
 * `{"iss":apiKey,"iat":now-skew,"exp":iat+ttl}`, byte-identical to Zoom's Node.js sample.
 * The per-key work is done once, here.
 */
export class ApiTokenMinter {
  /** @throws {JwtMintError} an empty API key or a zero ttl (103). */
  constructor(apiKey: string, key: KeyLike, options?: ApiTokenMinterOptions);
  /**
   * A token for `now` (default: the system clock).
   * @throws {JwtMintError} skew not shorter than ttl (103), time overflow (104).
   */
  mint(options?: NowOptions): string;
  /** Frees the minter now. Later use throws ClosedError. */
  close(): void;
  /** Whether close() has been called. */
  readonly closed: boolean;
}

export interface VerifierOptions {
  /** Allowance for clock differences, in seconds, for `exp`, `nbf` and `iat` (default 60). */
  leeway?: Count;
  /** `iss` must be present and equal to this. */
  issuer?: string;
  /** `aud` must be present and name this. Without it, a token carrying `aud` is rejected. */
  audience?: string;
  /**
   * Claim names that must be present; replaces the default `["exp"]`. `[]` requires none.
   * Each name is taken as it is (no splitting or trimming); a repeated name counts once.
   * @throws {JwtMintError} (from the constructor) an empty name (103).
   */
  required?: readonly string[];
  /** The longest token accepted, in bytes (default 8192). */
  maxLen?: Count;
}

/**
 * Verifies HS256 JWTs under one key and one set of rules (RFC 7515/7519/8725, strictly).
 * Configured once, in the constructor.
 */
export class Verifier {
  constructor(key: KeyLike, options?: VerifierOptions);
  /** Zoom API JWTs of one API key: `iss`, `iat`, `exp` required, `iss` equal to `apiKey`. */
  static zoomApi(key: KeyLike, apiKey: string, options?: VerifierOptions): Verifier;
  /**
   * The token's claims, once every check has passed.
   * @throws {TokenError} (a subclass) with the code of the first check that failed.
   */
  verify(token: string | Uint8Array, options?: NowOptions): Claims;
  /** As verify(), returning the payload JSON exactly as signed (for integers beyond 2^53). */
  verifyJson(token: string | Uint8Array, options?: NowOptions): string;
  /** As verify(), without returning the claims. */
  check(token: string | Uint8Array, options?: NowOptions): void;
  /** Frees the verifier now. Later use throws ClosedError. */
  close(): void;
  /** Whether close() has been called. */
  readonly closed: boolean;
}

export interface MintApiTokenOptions extends ApiTokenMinterOptions, NowOptions {}

/** One Zoom API JWT (prefer an ApiTokenMinter to mint more than once with the same key). */
export function mintApiToken(apiKey: string, secret: KeyLike, options?: MintApiTokenOptions): string;

/**
 * A token over `claims`, serialized with JSON.stringify (compact, the object's member order),
 * under `{"alg":"HS256","typ":"JWT"}`. Nothing is added: include `exp` yourself.
 * @throws {JwtMintError} not an object (106), a registered claim of the wrong type (504).
 */
export function mint(key: KeyLike, claims: object): string;

/** A token whose payload is exactly `json` (checked by the library, signed as given). */
export function mintJson(key: KeyLike, json: string | Uint8Array): string;

/**
 * The current Zoom API token of one minter, minted again only when it is within the refresh
 * margin of its `exp`. Make one per worker.
 */
export class ApiTokenCache {
  /**
   * A cache over a copy of `minter` (which may be closed afterwards).
   * @throws {JwtMintError} skew + refreshMargin not less than the minter's ttl (103).
   */
  constructor(minter: ApiTokenMinter, options?: { refreshMargin?: Count });
  /** The token to use at `now` (default: the system clock): the cached one while fresh. */
  token(options?: NowOptions): string;
  /** Forgets the cached token (say, after Zoom refused it): the next token() mints. */
  clear(): void;
  /** How many tokens this cache has minted. */
  readonly mintCount: number;
  /** Frees the cache now. Later use throws ClosedError. */
  close(): void;
  /** Whether close() has been called. */
  readonly closed: boolean;
}

/** A Video SDK flag: a boolean, or the 0/1 Zoom's sample writes. */
export type VideoSdkFlag = boolean | 0 | 1;

/** What a Video SDK session token carries (the library checks Zoom's rules). */
export interface VideoSdkTokenOptions extends NowOptions {
  /** The Video SDK key (`app_key`). */
  appKey: string;
  /** The session name (`tpc`): 1 to 200 UTF-16 code units. */
  tpc: string;
  /** `role_type`: "participant" (0) or "host" (1). */
  role: 'participant' | 'host' | 0 | 1;
  /** `user_identity`: at most 35 UTF-16 code units. */
  userIdentity?: string;
  /** `user_key`: at most 36 UTF-16 code units; Zoom's documented name for the user's id. */
  userKey?: string;
  /** `session_key`: at most 36 UTF-16 code units. */
  sessionKey?: string;
  /** `geo_regions`: Zoom's codes (AU BR CA CN DE HK IN JP MX NL SG US), none twice. */
  geoRegions?: readonly string[] | string;
  /** `telemetry_tracking_id`. */
  telemetryTrackingId?: string;
  cloudRecordingOption?: VideoSdkFlag;
  cloudRecordingElection?: VideoSdkFlag;
  videoWebrtcMode?: VideoSdkFlag;
  audioWebrtcMode?: VideoSdkFlag;
  /** `exp - iat`, seconds: 1800 to 172800 (default 7200). */
  ttl?: Count;
  /** How far `iat` is backdated, seconds (default 30). */
  skew?: Count;
}

/**
 * A Video SDK session token signed with the Video SDK secret; payload members in the order of
 * Zoom's sample.
 * @throws {JwtMintError} a rule of Zoom's broken (600–606), skew not shorter than ttl (103).
 */
export function mintVideoSdkToken(key: KeyLike, options: VideoSdkTokenOptions): string;

/** The claims of a verified Video SDK token (Zoom's members only). */
export interface VideoSdkClaims {
  app_key: string;
  role_type: 0 | 1;
  tpc: string;
  version: 1;
  iat: number;
  exp: number;
  user_identity?: string;
  user_key?: string;
  session_key?: string;
  geo_regions?: string;
  cloud_recording_option?: 0 | 1;
  cloud_recording_election?: 0 | 1;
  telemetry_tracking_id?: string;
  video_webrtc_mode?: 0 | 1;
  audio_webrtc_mode?: 0 | 1;
}

/** Verifies Video SDK tokens of one SDK key under the Video SDK secret. */
export class VideoSdkVerifier {
  constructor(key: KeyLike, appKey: string, options?: { leeway?: Count; maxLen?: Count });
  /** @throws {TokenError} (a subclass); a broken Zoom rule is a ClaimsError (600–607). */
  verify(token: string | Uint8Array, options?: NowOptions): VideoSdkClaims;
  /** As verify(), as compact JSON text. */
  verifyJson(token: string | Uint8Array, options?: NowOptions): string;
  /** Frees the verifier now. Later use throws ClosedError. */
  close(): void;
  /** Whether close() has been called. */
  readonly closed: boolean;
}

/** Text or raw bytes of a webhook request part. Pass the raw body exactly as received. */
export type WebhookInput = string | Uint8Array;

/** Zoom webhook requests of one app: signature check, URL validation, signing. */
export class Webhook {
  /**
   * @param secretToken the app's webhook secret token, as Zoom shows it.
   * @param options.tolerance how far a request's timestamp may be from now, seconds (300).
   */
  constructor(secretToken: Secret, options?: { tolerance?: Count });
  /**
   * Checks `x-zm-request-timestamp`, the raw body and `x-zm-signature` at `now`.
   * @returns the request's timestamp.
   * @throws {WebhookError} with the code of the first check that failed (620–625).
   */
  verify(timestamp: WebhookInput | number | bigint, body: WebhookInput, signature: WebhookInput, options?: NowOptions): number | bigint;
  /** Answers the endpoint.url_validation challenge: the response body's fields. */
  urlValidation(
    timestamp: WebhookInput | number | bigint,
    body: WebhookInput,
    signature: WebhookInput,
    options?: NowOptions,
  ): { plainToken: string; encryptedToken: string };
  /** As urlValidation(), as the JSON text to send. */
  urlValidationJson(timestamp: WebhookInput | number | bigint, body: WebhookInput, signature: WebhookInput, options?: NowOptions): string;
  /** The `x-zm-signature` value of a request (`v0=` and 64 hex digits). */
  sign(timestamp: Count, body: WebhookInput): string;
  /** Frees the handle and wipes its key material now. Later use throws ClosedError. */
  close(): void;
  /** Whether close() has been called. */
  readonly closed: boolean;
}

/** A session name with a character outside the set Zoom documents. */
export const TPC_UNDOCUMENTED_CHARACTER: 1;
/** A session name with upper-case letters (Zoom lower-cases session names). */
export const TPC_NOT_LOWER_CASE: 2;
/**
 * What Zoom documents about the session name `tpc` that minting does not refuse, as a bit
 * mask of TPC_UNDOCUMENTED_CHARACTER and TPC_NOT_LOWER_CASE (0: nothing); for a warning.
 */
export function videoSdkTpcNotes(tpc: string): number;

/** What a Meeting SDK token carries (the library checks Zoom's rules). */
export interface MeetingSdkTokenOptions extends NowOptions {
  /** The Meeting SDK key (or client ID), written as `appKey` and `sdkKey`. */
  sdkKey: string;
  /** `mn`: the meeting or webinar number, 1 to 20 digits; given with `role` or not at all. */
  mn?: string;
  /** `role`: "participant" (0) or "host" (1); given with `mn` or not at all. */
  role?: 'participant' | 'host' | 0 | 1;
  /** `video_webrtc_mode` (Meeting SDK for web). */
  videoWebrtcMode?: VideoSdkFlag;
  /** `exp - iat` (also `tokenExp - iat`), seconds: 1800 to 172800 (default 7200). */
  ttl?: Count;
  /** How far `iat` is backdated, seconds (default 30; 0 is exactly Zoom's sample). */
  skew?: Count;
}

/** The lifetime of Zoom's Meeting SDK sample, seconds: 7200. */
export const MEETINGSDK_DEFAULT_TTL: 7200;

/**
 * A Meeting SDK token signed with the Meeting SDK secret; payload members in the order of
 * Zoom's meetingsdk-auth-endpoint-sample.
 * @throws {JwtMintError} a rule of Zoom's broken (640–641), skew not shorter than ttl (103).
 */
export function mintMeetingSdkToken(key: KeyLike, options: MeetingSdkTokenOptions): string;

/** The claims of a verified Meeting SDK token (the sample's members only). */
export interface MeetingSdkClaims {
  appKey?: string;
  sdkKey?: string;
  mn?: string;
  role?: 0 | 1;
  iat: number;
  exp: number;
  tokenExp: number;
  video_webrtc_mode?: 0 | 1;
}

/** Verifies Meeting SDK tokens under the Meeting SDK secret, of any SDK key or of `sdkKey`. */
export class MeetingSdkVerifier {
  constructor(key: KeyLike, sdkKey?: string, options?: { leeway?: Count; maxLen?: Count });
  /** @throws {TokenError} (a subclass); a broken Zoom rule is a ClaimsError (640–642). */
  verify(token: string | Uint8Array, options?: NowOptions): MeetingSdkClaims;
  /** As verify(), as compact JSON text. */
  verifyJson(token: string | Uint8Array, options?: NowOptions): string;
  /** Frees the verifier now. Later use throws ClosedError. */
  close(): void;
  /** Whether close() has been called. */
  readonly closed: boolean;
}

/** The system clock in whole seconds since the Unix epoch, as the library reads it. */
export function now(): number;

/** The loaded library's version, such as "0.1.0". */
export function version(): string;

/** The C ABI version this binding was written for (2): the library's must be the same. */
export const ABI_VERSION: number;
/** Zoom's default `iat` backdating, in seconds (30). */
export const DEFAULT_SKEW: number;
/** Zoom's default token lifetime, in seconds (3600). */
export const DEFAULT_TTL: number;
/** How many seconds before `exp` an ApiTokenCache mints a new token, by default (60). */
export const DEFAULT_REFRESH_MARGIN: number;

/**
 * The library's stable result codes by name (JWTMINT_<NAME> in include/jwtmint.h), read from
 * the loaded library's own names (`jwtmint_result_name`).
 */
export const codes: Readonly<{
  OK: 0;
  EMPTY_SECRET: 100;
  WEAK_SECRET: 101;
  INVALID_SECRET_ENCODING: 102;
  INVALID_ARGUMENT: 103;
  TIME_OVERFLOW: 104;
  CLOCK: 105;
  CLAIMS_NOT_AN_OBJECT: 106;
  SERIALIZE: 107;
  BUFFER_TOO_SMALL: 108;
  TOO_LONG: 200;
  SEGMENT_COUNT: 201;
  EMPTY_SEGMENT: 202;
  INVALID_BASE64: 203;
  INVALID_JSON: 204;
  NOT_AN_OBJECT: 205;
  DUPLICATE_MEMBER: 206;
  MISSING_ALGORITHM: 300;
  UNSUPPORTED_ALGORITHM: 301;
  UNSUPPORTED_TYPE: 302;
  CRITICAL_HEADER: 303;
  UNSUPPORTED_HEADER: 304;
  INVALID_SIGNATURE: 400;
  EXPIRED: 500;
  NOT_YET_VALID: 501;
  ISSUED_IN_FUTURE: 502;
  MISSING_CLAIM: 503;
  MALFORMED_CLAIM: 504;
  ISSUER_MISMATCH: 505;
  AUDIENCE_MISMATCH: 506;
  CLAIMS_TYPE: 507;
  EMPTY_FIELD: 600;
  FIELD_TOO_LONG: 601;
  UNKNOWN_GEO_REGION: 602;
  DUPLICATE_GEO_REGION: 603;
  LIFETIME_OUT_OF_RANGE: 604;
  APP_KEY_MISMATCH: 605;
  INVALID_VIDEO_SDK_CLAIM: 606;
  WEBHOOK_TIMESTAMP_MALFORMED: 620;
  WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE: 621;
  WEBHOOK_SIGNATURE_PREFIX: 622;
  WEBHOOK_SIGNATURE_LENGTH: 623;
  WEBHOOK_SIGNATURE_ENCODING: 624;
  WEBHOOK_SIGNATURE_MISMATCH: 625;
  WEBHOOK_BODY_MALFORMED: 626;
  UNEXPECTED_WEBHOOK_EVENT: 627;
  INVALID_PLAIN_TOKEN: 628;
  INVALID_MEETING_SDK_CLAIM: 640;
  MEETING_SDK_LIFETIME_OUT_OF_RANGE: 641;
  SDK_KEY_MISMATCH: 642;
  NULL_POINTER: 900;
  INVALID_UTF8: 901;
  PANIC: 902;
}>;

/**
 * A failure reported by the library: `code` is the stable number, `codeName` its stable
 * snake_case name ("expired"), `message` the library's fixed text (never input data).
 */
export class JwtMintError extends Error {
  readonly code: number;
  readonly codeName: string;
}
/** The secret cannot make a key (100–102). */
export class InvalidKeyError extends JwtMintError {}
/** The token was rejected (200–599). */
export class TokenError extends JwtMintError {}
/** Not three segments of canonical base64url over JSON objects (2xx). */
export class MalformedTokenError extends TokenError {}
/** The header is not plain HS256 (3xx). */
export class UnsupportedHeaderError extends TokenError {}
/** The signature does not match (4xx: 400). */
export class InvalidSignatureError extends TokenError {}
/** Claims rejected: missing, malformed, issuer, audience, times (5xx). */
export class ClaimsError extends TokenError {}
/** The token has expired (500). */
export class ExpiredError extends ClaimsError {}
/** A webhook request was rejected (62x). */
export class WebhookError extends JwtMintError {}
/** A handle was used after close(): a programming error, not a JwtMintError. */
export class ClosedError extends Error {
  readonly code: 'ERR_JWTMINT_CLOSED';
}
