'use strict';
// Ownership of one native handle: freed exactly once, by close() or, as a safety net, by a
// FinalizationRegistry when its owner is garbage collected without close().
//
// The pointer never leaves this object and its owner's private field: it is not an enumerable
// property, is dropped by structuredClone/postMessage (private fields are not cloned), and so
// cannot reach another worker, whose copy would outlive this one's close().

const { ClosedError } = require('./errors');

let live = 0;

// The held value names the pointer and its free function, never the owner (or the owner could
// not be collected).
const registry = new FinalizationRegistry(({ ptr, free }) => {
  live -= 1;
  free(ptr);
});

class NativeHandle {
  #ptr;
  #free;
  #what;

  /**
   * Takes ownership of `ptr` for `owner`: `free(ptr)` runs once, on close() or after `owner`
   * is collected.
   */
  constructor(owner, ptr, free, what) {
    this.#ptr = ptr;
    this.#free = free;
    this.#what = what;
    live += 1;
    registry.register(owner, { ptr, free }, this);
  }

  /** The pointer, for a call into the library; ClosedError after close(). */
  get ptr() {
    if (this.#ptr === null) throw new ClosedError(this.#what);
    return this.#ptr;
  }

  get closed() {
    return this.#ptr === null;
  }

  /** Frees the handle now. A second call does nothing. */
  close() {
    const ptr = this.#ptr;
    if (ptr === null) return;
    this.#ptr = null;
    registry.unregister(this);
    live -= 1;
    this.#free(ptr);
  }
}

/** How many handles of this realm are not freed yet (for the tests of the safety net). */
function liveHandles() {
  return live;
}

module.exports = { NativeHandle, liveHandles };
