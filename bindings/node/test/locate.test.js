'use strict';
// Where the loader looks (lib/locate.js): the packaged prebuild first, the checkout's build
// only inside a checkout, JWTMINT_LIB alone when set.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** A copy of lib/locate.js in PROJECT/node_modules/jwtmint, as npm installs the package. */
function installedCopy(t) {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'jwtmint-locate-'));
  t.after(() => fs.rmSync(project, { recursive: true, force: true }));
  const pkg = path.join(project, 'node_modules', 'jwtmint');
  fs.mkdirSync(path.join(pkg, 'lib'), { recursive: true });
  fs.copyFileSync(path.join(__dirname, '..', 'lib', 'locate.js'), path.join(pkg, 'lib', 'locate.js'));
  // A project of the user's own with a target/release/libjwtmint.so: none of our business.
  fs.mkdirSync(path.join(project, 'target', 'release'), { recursive: true });
  fs.writeFileSync(path.join(project, 'target', 'release', 'libjwtmint.so'), '');
  return { project, pkg, locate: require(path.join(pkg, 'lib', 'locate.js')) };
}

function withoutEnv(t, name) {
  const saved = process.env[name];
  delete process.env[name];
  t.after(() => {
    if (saved !== undefined) process.env[name] = saved;
  });
}

test('an installed package finds the library it carries, and nothing outside itself', (t) => {
  withoutEnv(t, 'JWTMINT_LIB');
  const { pkg, locate } = installedCopy(t);
  assert.equal(locate.inCheckout(), false);
  assert.equal(locate.findLibrary(), null, 'no prebuild yet: the project target/ is not looked at');
  const file = path.join(pkg, 'prebuilds', `${process.platform}-${process.arch}`, locate.libraryFileName());
  assert.deepEqual(locate.candidates(), [{ file, why: 'the package' }]);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  assert.deepEqual(locate.findLibrary(), { file, why: 'the package' });
  assert.match(locate.notFoundMessage(), /JWTMINT_LIB/);
});

test('JWTMINT_LIB is the only candidate when set', (t) => {
  const { locate } = installedCopy(t);
  const saved = process.env.JWTMINT_LIB;
  process.env.JWTMINT_LIB = '/nowhere/libjwtmint.so';
  t.after(() => {
    if (saved === undefined) delete process.env.JWTMINT_LIB;
    else process.env.JWTMINT_LIB = saved;
  });
  assert.deepEqual(locate.candidates(), [{ file: '/nowhere/libjwtmint.so', why: 'JWTMINT_LIB' }]);
});

test("in the checkout: the package's prebuild first, then the repository's build", (t) => {
  withoutEnv(t, 'JWTMINT_LIB');
  withoutEnv(t, 'CARGO_TARGET_DIR');
  const locate = require('../lib/locate');
  assert.equal(locate.inCheckout(), true);
  assert.deepEqual(
    locate.candidates().map((c) => c.why),
    ['the package', 'the repository'],
  );
});
