import { describe, expect, it } from 'vitest';
import { configFor } from '../../src/bench/ways.js';
import { resolveConfig } from '../../src/config/load.js';

describe('bench ways', () => {
  const config = resolveConfig({ editor: { model: 'qwen2.5-coder:7b', local: true, provider: { only: ['ollama-box'] }, maxRetries: 1 } }, { TANDEM_API_KEY: 'k' });

  it('runs the split as configured', () => {
    expect(configFor(config, 'split')).toBe(config);
  });

  it('makes the architect the editor for all-cloud, keeping the edit settings', () => {
    const cloud = configFor(config, 'cloud');
    expect(cloud.editor).toMatchObject({ role: 'editor', model: 'anthropic/claude-sonnet-4', local: false, pricing: { input: 3, output: 15, cachedInput: 0.3 }, editRetries: 1, editFormat: 'auto' });
    expect(cloud.editor.provider).toBeUndefined();
    expect('contextBudget' in cloud.editor).toBe(false);
    expect(cloud.architect).toBe(config.architect);
  });
});
