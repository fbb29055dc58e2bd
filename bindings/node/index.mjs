// ES module entry: the CommonJS entry's objects (one instance, one loaded library), every
// name of it re-exported, and the module object as the default export.
export * from './index.js';
export { default } from './index.js';
