'use strict';
// ApiTokenCache: the current Zoom API token of one minter, minted again only when it nears its
// `exp` (jwtmint_api_token_cache). The cache logic is the library's; this is its handle.

const { native } = require('./native');
const { check, errorFor } = require('./errors');
const { invalidType, options, uint64 } = require('./args');
const { NativeHandle } = require('./handle');
const { minterHandleOf } = require('./minter');
const { outLen, readOutLen, clockNow, nowFrom } = require('./io');

/** JWTMINT_DEFAULT_REFRESH_MARGIN: a new token this many seconds before `exp`. */
const DEFAULT_REFRESH_MARGIN = 60;

class ApiTokenCache {
  #handle;
  #out;

  /**
   * A cache over a copy of `minter` (which may be closed afterwards). `refreshMargin`: how
   * many seconds before a token's `exp` a new one is minted (default 60).
   */
  constructor(minter, opts) {
    const minterHandle = minterHandleOf(minter);
    if (minterHandle === null) throw invalidType('minter', 'an ApiTokenMinter', minter);
    const o = options(opts, ['refreshMargin']);
    const margin = o.refreshMargin === undefined ? DEFAULT_REFRESH_MARGIN : uint64(o.refreshMargin, 'refreshMargin');
    const minterPtr = minterHandle.ptr;
    const out = [null];
    check(native.api_token_cache_new(minterPtr, margin, out));
    this.#handle = new NativeHandle(this, out[0], native.api_token_cache_free, 'ApiTokenCache');
    this.#out = Buffer.alloc(Number(native.api_minter_max_token_len(minterPtr)) + 1);
  }

  /** The token to use at `now` (default: the system clock): the cached one while fresh. */
  token(opts) {
    const now = opts === undefined ? clockNow() : nowFrom(options(opts, ['now']));
    const out = this.#out;
    const rc = native.api_token_cache_token(this.#handle.ptr, now, out, out.length, outLen);
    if (rc !== 0) throw errorFor(rc);
    return out.latin1Slice(0, readOutLen());
  }

  /** Forgets the cached token (say, after Zoom refused it): the next token() mints. */
  clear() {
    check(native.api_token_cache_clear(this.#handle.ptr));
  }

  /** How many tokens this cache has minted. */
  get mintCount() {
    return Number(native.api_token_cache_mint_count(this.#handle.ptr));
  }

  /** Frees the cache now; later calls throw ClosedError. */
  close() {
    this.#handle.close();
  }

  /** Whether close() has been called. */
  get closed() {
    return this.#handle.closed;
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `ApiTokenCache { ${this.closed ? 'closed' : 'open'} }`;
  }
}

module.exports = { ApiTokenCache, DEFAULT_REFRESH_MARGIN };
