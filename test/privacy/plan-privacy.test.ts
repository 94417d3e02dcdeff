import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import type { PrivacyLevel, RoleName } from '../../src/config/types.js';
import type { RunContext } from '../../src/pipeline/context.js';
import { planPrivacy } from '../../src/privacy/plan-privacy.js';
import { scriptedClient } from './scripted-client.js';

function context(privacy: PrivacyLevel, editor: Record<string, unknown> = {}): RunContext {
  const config = resolveConfig({ privacy, editor }, {});
  return { root: '/nowhere', runId: 'run-1', config, client: (role: RoleName) => scriptedClient(role, []) } as unknown as RunContext;
}

describe('planPrivacy', () => {
  it('passes the level and one guard per run', () => {
    const ctx = context('outline');
    const first = planPrivacy(ctx, 'plan-1');
    expect(first.privacy).toBe('outline');
    expect(first.summarize).toBeUndefined();
    expect(planPrivacy(ctx, 'plan-2').guard).toBe(first.guard);
  });

  it('gives local-summary the local editor as summarizer', () => {
    expect(typeof planPrivacy(context('local-summary'), 'plan-1').summarize).toBe('function');
  });

  it('refuses local-summary with an editor not marked local (exit 2)', () => {
    expect(() => planPrivacy(context('local-summary', { model: 'openai/gpt-4o-mini' }), 'plan-1')).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringContaining('the editor openai/gpt-4o-mini is not marked local') }),
    );
  });
});
