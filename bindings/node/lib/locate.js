'use strict';
// Where libjwtmint is: the one place that knows, shared by the loader (lib/native.js) and the
// install script (build-lib.js), so both look in the same places in the same order.

const fs = require('node:fs');
const path = require('node:path');

/** The repository root: this file is bindings/node/lib/locate.js. */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The shared library's file name on this platform, as ffi/build-lib.sh names it. */
function libraryFileName() {
  switch (process.platform) {
    case 'darwin':
      return 'libjwtmint.dylib';
    case 'win32':
      return 'jwtmint.dll';
    default:
      return 'libjwtmint.so';
  }
}

/**
 * The cargo target directory ffi/build-lib.sh, run at the repository root, places the library
 * in: CARGO_TARGET_DIR (relative to the root, as cargo reads it there) or `<root>/target`.
 */
function cargoTargetDir() {
  const dir = process.env.CARGO_TARGET_DIR;
  return dir ? path.resolve(REPO_ROOT, dir) : path.join(REPO_ROOT, 'target');
}

/**
 * The files to try, in order, each with why it is a candidate. JWTMINT_LIB, when set, is the
 * only one: a user who names a file means that file, and a silent fallback would hide a typo.
 */
function candidates() {
  const explicit = process.env.JWTMINT_LIB;
  if (explicit) {
    return [{ file: path.resolve(explicit), why: 'JWTMINT_LIB' }];
  }
  const name = libraryFileName();
  const list = [];
  if (process.env.CARGO_TARGET_DIR) {
    list.push({ file: path.join(cargoTargetDir(), 'release', name), why: 'CARGO_TARGET_DIR' });
  }
  list.push({ file: path.join(REPO_ROOT, 'target', 'release', name), why: 'the repository' });
  return list;
}

/** The first candidate that exists, or null. */
function findLibrary() {
  for (const c of candidates()) {
    if (fs.existsSync(c.file)) return c;
  }
  return null;
}

/** What to tell a user when no library was found. */
function notFoundMessage() {
  const tried = candidates()
    .map((c) => `  ${c.file} (${c.why})`)
    .join('\n');
  return (
    'jwtmint: cannot find libjwtmint. Looked for:\n' +
    `${tried}\n` +
    'Build it with `ffi/build-lib.sh` in the repository ' +
    '(or `npm run build-lib` in bindings/node), or set JWTMINT_LIB to the library file.'
  );
}

module.exports = { REPO_ROOT, libraryFileName, cargoTargetDir, candidates, findLibrary, notFoundMessage };
