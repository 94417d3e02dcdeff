import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../../src/architect/types.js';
import { buildEditorMessages, type EditorPromptInput } from '../../src/editor/prompt.js';
import { text } from './helpers.js';

const step: PlanStep = {
  title: 'Add a discount to the cart total',
  file: 'src/shop/cart.ts',
  action: 'edit',
  instructions: 'Give total() an optional `discount` parameter (a fraction, default 0) and subtract it.',
  depends_on: [],
};
const content = text([
  'export class Cart {',
  '  private items: Item[] = [];',
  '',
  '  total(): number {',
  '    return this.items.reduce((sum, i) => sum + i.price, 0);',
  '  }',
  '}',
]);
const base: EditorPromptInput = {
  task: 'Support discount codes at checkout',
  planSummary: 'Add a discount parameter to Cart.total, then pass the code\'s fraction from checkout.',
  step,
  stepIndex: 0,
  content,
  format: 'search-replace',
};

/** Both messages as one reviewable text. */
function render(input: EditorPromptInput): string {
  return buildEditorMessages(input)
    .map((m) => `===== ${m.role} =====\n${m.content}\n`)
    .join('\n');
}

describe('buildEditorMessages', () => {
  it('shows the dependencies\' changes as context before the file, and asks for the whole file on escalation', () => {
    const diff = '--- a/src/shop/money.ts\n+++ b/src/shop/money.ts\n@@ -1 +1,2 @@\n export type Cents = number;\n+export const percent = (c: Cents, f: number): Cents => Math.round(c * f);\n';
    const after = 'export type Cents = number;\nexport const percent = (c: Cents, f: number): Cents => Math.round(c * f);\n';
    const dependencies = { changes: [{ stepNumber: 1, title: 'Add percent', file: 'src/shop/money.ts', diff, after }], detail: 'full' as const };
    expect(render({ ...base, dependencies })).toMatchSnapshot();
    expect(render({ ...base, format: 'whole', dependencies, feedback: 'no match in src/shop/cart.ts', escalation: true })).toMatchSnapshot();
  });

  it('appends the project rules that apply to the system prompt', async () => {
    const rules = 'Project rules (from AGENTS.md; the parts that apply to src/shop/cart.ts). Follow them in your edit:\n\n--- AGENTS.md\n```markdown\nMoney is in integer cents.\n```';
    await expect(render({ ...base, rules })).toMatchFileSnapshot('./__snapshots__/prompt-rules.txt');
  });

  it.each(['search-replace', 'udiff', 'whole'] as const)('assembles the %s prompt', async (format) => {
    await expect(render({ ...base, format })).toMatchFileSnapshot(`./__snapshots__/prompt-${format}.txt`);
  });

  it('assembles a retry with feedback', async () => {
    const feedback = 'Block 1 ("total(): number {") was not applied: its SEARCH lines are not in src/shop/cart.ts.';
    await expect(render({ ...base, feedback })).toMatchFileSnapshot('./__snapshots__/prompt-retry.txt');
  });

  it('asks for the whole content of a file to create', async () => {
    await expect(render({ ...base, format: 'whole', content: null, step: { ...step, action: 'create', file: 'src/shop/discount.ts' } })).toMatchFileSnapshot(
      './__snapshots__/prompt-create.txt',
    );
  });

  it('shows only a window of a big file, numbered from its start line', () => {
    const [, user] = buildEditorMessages({ ...base, window: { startLine: 4, endLine: 6 } });
    expect(user.content).toContain(
      'Lines 4-6 of 7 of src/shop/cart.ts (the rest is not shown; quote only lines shown here):\n\nsrc/shop/cart.ts\n```ts\n  total(): number {\n    return this.items.reduce((sum, i) => sum + i.price, 0);\n  }\n```',
    );
  });

  it('fences content that holds fences with more backticks', () => {
    const [, user] = buildEditorMessages({ ...base, step: { ...step, file: 'README.md' }, content: '# T\n```sh\nnpm i\n```\n' });
    expect(user.content).toContain('README.md\n````md\n# T\n```sh\nnpm i\n```\n````');
  });

  it('refuses a window with the whole-file format and a delete step', () => {
    expect(() => buildEditorMessages({ ...base, format: 'whole', window: { startLine: 1, endLine: 2 } })).toThrow('whole-file format');
    expect(() => buildEditorMessages({ ...base, step: { ...step, action: 'delete' } })).toThrow('a delete step needs no editor call');
  });
});
