'use strict';
// ApiTokenCache: the current Zoom API token of one minter, minted again only when it nears its
// `exp` (jwtmint_api_token_cache). The cache logic is the library's; this is its handle.

const { native } = require('./native');
const { check } = require('./results');
const { invalidType, options, uint64 } = require('./args');
const { NativeOwner, handleOf, pointerOf } = require('./handle');
const { ApiTokenMinter } = require('./minter');
const { nowOption, withOutput } = require('./io');

/** JWTMINT_DEFAULT_REFRESH_MARGIN: a new token this many seconds before `exp`. */
const DEFAULT_REFRESH_MARGIN = 60;

class ApiTokenCache extends NativeOwner {
  #cap;

  /**
   * A cache over a copy of `minter` (which may be closed afterwards). `refreshMargin`: how
   * many seconds before a token's `exp` a new one is minted (default 60).
   */
  constructor(minter, opts) {
    if (handleOf(minter, ApiTokenMinter) === null) throw invalidType('minter', 'an ApiTokenMinter', minter);
    const o = options(opts, ['refreshMargin']);
    const margin = o.refreshMargin === undefined ? DEFAULT_REFRESH_MARGIN : uint64(o.refreshMargin, 'refreshMargin');
    const minterPtr = pointerOf(minter);
    super((out) => native.api_token_cache_new(minterPtr, margin, out), native.api_token_cache_free);
    // The longest token the minter makes, plus the NUL: one call always suffices.
    this.#cap = Number(native.api_minter_max_token_len(minterPtr)) + 1;
  }

  /** The token to use at `now` (default: the system clock): the cached one while fresh. */
  token(opts) {
    const ptr = pointerOf(this);
    const now = nowOption(opts);
    return withOutput(this.#cap, 'latin1', (out, cap, len) => native.api_token_cache_token(ptr, now, out, cap, len));
  }

  /** Forgets the cached token (say, after Zoom refused it): the next token() mints. */
  clear() {
    check(native.api_token_cache_clear(pointerOf(this)));
  }

  /** How many tokens this cache has minted. */
  get mintCount() {
    return Number(native.api_token_cache_mint_count(pointerOf(this)));
  }
}

module.exports = { ApiTokenCache, DEFAULT_REFRESH_MARGIN };
