'use strict';
// Ownership of one native handle: freed exactly once, by close() or, as a safety net, by a
// FinalizationRegistry when its owner is garbage collected without close().
//
// The pointer never leaves this file's private fields: it is not an enumerable property, is
// dropped by structuredClone/postMessage (private fields are not cloned), and so cannot reach
// another worker, whose copy would outlive this one's close(). The binding's own modules reach
// it through pointerOf() and handleOf(), which the package does not export.

const { ClosedError } = require('./errors');
const { check } = require('./results');

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
  #kind;

  /**
   * Takes ownership of `ptr` for `owner`, an instance of the class `kind`: `free(ptr)` runs
   * once, on close() or after `owner` is collected.
   */
  constructor(owner, ptr, free, kind) {
    this.#ptr = ptr;
    this.#free = free;
    this.#kind = kind;
    live += 1;
    registry.register(owner, { ptr, free }, this);
  }

  /** The pointer, for a call into the library; ClosedError after close(). */
  get ptr() {
    if (this.#ptr === null) throw new ClosedError(this.#kind.name);
    return this.#ptr;
  }

  /** The class the handle was made for (fixed at construction, unlike a prototype). */
  get kind() {
    return this.#kind;
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

/** Runs `make(out)` (a jwtmint_*_new call) and returns the pointer it wrote, or throws. */
function newPointer(make) {
  const out = [null];
  check(make(out));
  return out[0];
}

let pointerOf;
let handleOf;

/**
 * Base of the public classes that own one native object: close(), closed, and what
 * util.inspect shows. The subclass's constructor passes how to make the object.
 */
class NativeOwner {
  #handle;

  /**
   * Owns the object `make(out)` creates (freed by `free`), then runs `configure(ptr)`, the
   * setters' calls, which need no lock because nothing shares the new object yet. If that
   * throws, the object is freed before the error goes on.
   */
  constructor(make, free, configure) {
    const ptr = newPointer(make);
    this.#handle = new NativeHandle(this, ptr, free, new.target);
    if (configure === undefined) return;
    try {
      configure(ptr);
    } catch (e) {
      this.#handle.close();
      throw e;
    }
  }

  /** Frees the native object now (wiping any key material); later calls throw ClosedError. */
  close() {
    this.#handle.close();
  }

  /** Whether close() has been called. */
  get closed() {
    return this.#handle.closed;
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `${this.constructor.name} { ${this.closed ? 'closed' : 'open'} }`;
  }

  static {
    pointerOf = (owner) => owner.#handle.ptr;
    handleOf = (value, Class) => {
      if (typeof value !== 'object' || value === null || !(#handle in value)) return null;
      const { kind } = value.#handle;
      return kind === Class || kind.prototype instanceof Class ? value.#handle : null;
    };
  }
}

/** How many handles of this realm are not freed yet (for the tests of the safety net). */
function liveHandles() {
  return live;
}

// pointerOf(owner): the pointer, for a call into the library (ClosedError after close()).
// handleOf(value, Class): the handle of `value` if it is an owner made as a `Class`, else null.
module.exports = { NativeOwner, newPointer, pointerOf, handleOf, liveHandles };
