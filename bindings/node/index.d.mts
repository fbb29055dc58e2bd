// Types of the ES module entry (index.mjs): the CommonJS entry's names, plus the module
// object as the default export.
import * as jwtmint from './index.js';

export * from './index.js';
export default jwtmint;
