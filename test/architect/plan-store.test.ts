import { describe, expect, it } from 'vitest';
import { newPlanId } from '../../src/architect/plan-store.js';

describe('newPlanId', () => {
  it.each([
    ['add input validation to the signup handler', 'add-input-validation-to-the-8000'],
    ['Rename getUser → fetchUser!', 'rename-getuser-fetchuser-8000'],
    ['x'.repeat(50), `${'x'.repeat(32)}-8000`],
    ['!!!', 'plan-8000'],
    // Secrets never become a branch name: the slug is made of the words around them, or falls back to plan-<hex>.
    ['AKIAIOSFODNN7EXAMPLE must be rotated', 'must-be-rotated-8000'],
    ['rotate ghp_0123456789abcdefghijABCDEFGHIJ012345 now', 'rotate-now-8000'],
    ['sk-proj-abcdefghijklmnopqrstuvwxyz012345', 'plan-8000'],
    ['password=Tr0ub4dor&3xyz', 'password-8000'],
  ])('makes a short, branch-safe id of %j', (task, id) => {
    expect(newPlanId(task, () => 0.5)).toBe(id);
  });
});
