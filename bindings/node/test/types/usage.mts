// Type-checked (not run) by types.test.js: the ES module entry's declarations.
import jwtmint, { Key, Verifier, ClosedError } from 'jwtmint';

const key = new Key('s'.repeat(32));
const v: Verifier = jwtmint.Verifier.zoomApi(key, 'api');
v.close();
const closed: boolean = v.closed;
const e = new ClosedError();
const code: 'ERR_JWTMINT_CLOSED' = e.code;
void closed, code;
