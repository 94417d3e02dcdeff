import { describe, expect, it } from 'vitest';
import { newPlanId } from '../../src/architect/plan-store.js';

describe('newPlanId', () => {
  it.each([
    ['add input validation to the signup handler', 'add-input-validation-to-the-8000'],
    ['Rename getUser → fetchUser!', 'rename-getuser-fetchuser-8000'],
    ['x'.repeat(50), `${'x'.repeat(32)}-8000`],
    ['!!!', 'plan-8000'],
  ])('makes a short, branch-safe id of %j', (task, id) => {
    expect(newPlanId(task, () => 0.5)).toBe(id);
  });
});
