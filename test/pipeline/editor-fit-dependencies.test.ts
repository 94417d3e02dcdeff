import { describe, expect, test } from 'vitest';
import type { ContextDetail } from '../../src/editor/dependency-context.js';
import { fitEditorPrompt, type BuildMessages, type EditorCallPlan } from '../../src/pipeline/editor-fit.js';
import { makeRole } from '../gateway/make-role.js';

const role = (contextWindow: number) => makeRole('http://127.0.0.1:9/v1', { local: true, contextWindow, gatewayName: 'Ollama' });
const file = Array.from({ length: 150 }, (_, i) => `export const value${i} = ${i};\n`).join('');

/** A builder whose dependency context costs `sizes[detail]` words. */
function builder(sizes: Record<ContextDetail, number>): BuildMessages {
  const lines = file.replace(/\n$/, '').split('\n');
  return (window, format, context) => [
    { role: 'system', content: `Answer in ${format} format.` },
    { role: 'user', content: `${'context '.repeat(sizes[context])}\n${window ? lines.slice(window.startLine - 1, window.endLine).join('\n') : file}` },
  ];
}

const plan = (contextWindow: number): EditorCallPlan => ({
  role: role(contextWindow),
  step: 2,
  path: 'src/a.ts',
  content: file,
  format: 'search-replace',
  focus: 'Change value30',
  hasDependencies: true,
});

describe('fitting the dependency context into the editor window', () => {
  test('keeps the full diffs when everything fits', async () => {
    const fitted = await fitEditorPrompt(plan(8192), builder({ full: 500, brief: 50, none: 0 }));
    expect(fitted.context).toBe('full');
    expect(fitted.window).toBeUndefined();
  });

  test('cuts the diffs to signatures before cutting the file', async () => {
    const fitted = await fitEditorPrompt(plan(4096), builder({ full: 3000, brief: 50, none: 0 }));
    expect(fitted.context).toBe('brief');
    expect(fitted.window).toBeUndefined();
  });

  test('windows the file with the signatures, and drops them when they would take over half the room', async () => {
    const windowed = await fitEditorPrompt(plan(2048), builder({ full: 3000, brief: 400, none: 0 }));
    expect(windowed.context).toBe('brief');
    expect(windowed.window).toBeDefined();
    const crowded = await fitEditorPrompt(plan(2048), builder({ full: 3000, brief: 900, none: 0 }));
    expect(crowded.context).toBe('none');
    expect(crowded.window).toBeDefined();
    expect(crowded.sentTokens).toBeLessThanOrEqual(2048 - 1024);
  });
});
