import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PORT } from '../src/defaults.mjs';
import { address } from '../src/server.mjs';

test('port', () => {
  assert.equal(DEFAULT_PORT, 8080);
  assert.deepEqual(address({}), { host: 'localhost', port: 8080 });
  assert.deepEqual(address({ PORT: '9000' }), { host: 'localhost', port: 9000 });
});
