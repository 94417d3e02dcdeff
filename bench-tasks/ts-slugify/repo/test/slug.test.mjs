import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from '../src/slug.mjs';

test('slugify', () => {
  assert.equal(slugify('Hello World'), 'hello-world');
  assert.equal(slugify('  What, me worry?  '), 'what-me-worry');
  assert.equal(slugify('a -- b'), 'a-b');
});
