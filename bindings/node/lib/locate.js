'use strict';
// Where libjwtmint is: the one place that knows, shared by the loader (lib/native.js) and the
// development build script (build-lib.js), so both look in the same places in the same order.
//
// The npm package (scripts/dist) carries the library for its platform in
// prebuilds/<platform>-<arch>/, found first; in a checkout of the repository, the library
// ffi/build-lib.sh places in cargo's target directory is found next.

const fs = require('node:fs');
const path = require('node:path');

/** The package's folder: this file is <package>/lib/locate.js. */
const PACKAGE_DIR = path.resolve(__dirname, '..');

/** The repository root when the package is bindings/node of a checkout. */
const REPO_ROOT = path.resolve(PACKAGE_DIR, '..', '..');

/**
 * Whether this package is bindings/node of a jwtmint checkout (and not an installed copy,
 * whose ../.. is the user's project, whose target/ is none of our business).
 */
function inCheckout() {
  return fs.existsSync(path.join(REPO_ROOT, 'ffi', 'build-lib.sh'));
}

/** The folder of the library the npm package ships for this platform, e.g. prebuilds/linux-x64. */
function prebuildDir() {
  return path.join(PACKAGE_DIR, 'prebuilds', `${process.platform}-${process.arch}`);
}

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
  const list = [{ file: path.join(prebuildDir(), name), why: 'the package' }];
  if (!inCheckout()) return list;
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
  const fix = inCheckout()
    ? 'Build it with `ffi/build-lib.sh` in the repository (or `npm run build-lib` in bindings/node), ' +
      'or set JWTMINT_LIB to the library file.'
    : `The package ships the library for linux-x64 only (this is ${process.platform}-${process.arch}): ` +
      'set JWTMINT_LIB to a libjwtmint built for this platform.';
  return `jwtmint: cannot find libjwtmint. Looked for:\n${tried}\n${fix}`;
}

module.exports = {
  PACKAGE_DIR,
  REPO_ROOT,
  inCheckout,
  prebuildDir,
  libraryFileName,
  cargoTargetDir,
  candidates,
  findLibrary,
  notFoundMessage,
};
