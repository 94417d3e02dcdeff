import { describe, expect, it } from 'vitest';
import { buildArchitectMessages, buildNeedFilesMessage, describeRepoMap, renderFiles } from '../../src/architect/prompt.js';
import type { ChatMessage } from '../../src/gateway/types.js';

const map = {
  text: 'src/cart.ts\n  export function total(items: Item[]): number\n\nOther files (paths only):\nREADME.md',
  total: 12,
  withheld: 2,
  outlined: [{ path: 'src/cart.ts', text: 'src/cart.ts\n  export function total(items: Item[]): number' }],
  listed: 1,
  omitted: 8,
};
const render = (messages: ChatMessage[]) => messages.map((m) => `=== ${m.role}${m.cacheBreak ? ' (end of the cacheable prefix)' : ''}\n${m.content}\n`).join('');

describe('architect prompt', () => {
  it.each(['standard', 'outline', 'local-summary'] as const)('assembles the first request under %s', async (privacy) => {
    const files =
      privacy === 'standard'
        ? [{ path: 'src/cart.ts', form: 'content' as const, text: 'export function total() {}\n' }]
        : [{ path: 'src/cart.ts', form: privacy === 'outline' ? ('outline' as const) : ('summary' as const), text: 'export function total()' }];
    const messages = await buildArchitectMessages({ task: 'add a discount', privacy, map, files, withheld: [{ path: '.env', reason: 'withheld: a secret file (keys, credentials, .env)' }] });
    await expect(render(messages)).toMatchFileSnapshot(`./__snapshots__/architect-${privacy}.txt`);
  });

  it('sends project rules whole after the fixed instructions, before the repository view', async () => {
    const rules = [{ path: 'AGENTS.md', text: '# Rules\nMoney is in integer cents.\n' }, { path: 'docs/style.md', text: 'No default exports.\n' }];
    const messages = await buildArchitectMessages({ task: 'add a discount', privacy: 'standard', map, files: [], withheld: [], rules });
    await expect(render(messages)).toMatchFileSnapshot('./__snapshots__/architect-rules.txt');
    expect(messages[0].content.indexOf('Money is in integer cents.')).toBeGreaterThan(0);
    expect(messages[1].content).not.toContain('Money is in integer cents.');
    expect(messages[2].content).not.toContain('Money is in integer cents.');
  });

  it('puts the stable prefix first: system prompt and rules, then the repository view; the task comes last', async () => {
    const messages = await buildArchitectMessages({ task: 'add a discount', privacy: 'standard', map, files: [], withheld: [], rules: [{ path: 'AGENTS.md', text: 'Use tabs.\n' }] });
    expect(messages.map((m) => [m.role, m.cacheBreak ?? false])).toEqual([['system', false], ['user', true], ['user', false]]);
    expect(messages[0].content).toContain('Use tabs.');
    expect(messages[1].content.startsWith('Repository (12 files;')).toBe(true);
    expect(messages[1].content).not.toContain('add a discount');
    expect(messages[2].content).toBe('Task: add a discount');
    // Two tasks share everything up to the end of the repository view.
    const other = await buildArchitectMessages({ task: 'remove the discount', privacy: 'standard', map, files: [], withheld: [], rules: [{ path: 'AGENTS.md', text: 'Use tabs.\n' }] });
    expect(other.slice(0, 2)).toEqual(messages.slice(0, 2));
  });

  it('assembles the need_files follow-up', async () => {
    const message = await buildNeedFilesMessage('outline', [{ path: 'src/a.ts', form: 'outline', text: 'export const a' }], [{ path: 'secrets/x.pem', reason: 'withheld: a secret file (keys, credentials, .env)' }]);
    await expect(render([message])).toMatchFileSnapshot('./__snapshots__/need-files-outline.txt');
  });

  it('fences content with a fence longer than any inside it', () => {
    expect(renderFiles([{ path: 'README.md', form: 'content', text: 'a\n```\nb\n```\n' }])).toBe('\n--- README.md\n````\na\n```\nb\n```\n````\n');
  });

  it('describes the map in one line', () => {
    expect(describeRepoMap(map)).toBe('12 files; 2 withheld by privacy rules; outlines of the 1 most relevant; paths of 1 more; 8 not listed for the context budget');
    expect(describeRepoMap({ ...map, withheld: 0, listed: 0, omitted: 0 })).toBe('12 files');
  });
});
