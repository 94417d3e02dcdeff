import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ResolvedRole } from '../../src/config/types.js';
import { createModelClient } from '../../src/gateway/openai-client.js';
import type { ChatMessage, ModelResult } from '../../src/gateway/types.js';
import {
  EditorCallWatch,
  fitEditorPrompt,
  powerOfTwoAtLeast,
  truncationWarning,
  windowedAnswerProblem,
  type BuildMessages,
  type EditorCallPlan,
} from '../../src/pipeline/editor-fit.js';
import type { PipelineEvent } from '../../src/pipeline/events.js';
import { countMessages, countTokens } from '../../src/tokens/count.js';
import { runCli } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned } from '../helpers/fake-gateway.js';
import { gitFixture } from '../helpers/git-fixture.js';
import { useGateways } from '../helpers/repo-gateway.js';
import { makeRole } from '../gateway/make-role.js';

const startGateway = useGateways();

/** A prompt builder like the editor's: the format in the system message, the file (or its window) in the user message. */
function builder(path: string, content: string): BuildMessages {
  const lines = content.replace(/\n$/, '').split('\n');
  return async (window, format) => {
    const shown = window ? lines.slice(window.startLine - 1, window.endLine).join('\n') : content;
    const where = window ? ` (lines ${window.startLine}-${window.endLine})` : '';
    return [
      { role: 'system', content: `You edit code. Answer in ${format} format.` },
      { role: 'user', content: `Step: make parseConfig trim keys.\nFile ${path}${where}:\n${shown}` },
    ];
  };
}

/** 400 small functions (about 8,700 tokens, 1,200 lines) with parseConfig as the 251st. */
function bigFile(): string {
  let text = '';
  for (let i = 0; i < 400; i++) {
    const name = i === 250 ? 'parseConfig' : `helper${i}`;
    text += `export function ${name}(value: number): number {\n  return value * ${i} + ${i * 7};\n}\n`;
  }
  return text;
}

const editorRole = (overrides: Partial<ResolvedRole> = {}): ResolvedRole =>
  makeRole('http://127.0.0.1:9/v1', { local: true, contextWindow: 4096, gatewayName: 'Ollama', ...overrides });

function callPlan(role: ResolvedRole, content: string, overrides: Partial<EditorCallPlan> = {}): EditorCallPlan {
  return { role, step: 2, path: 'src/big.ts', content, format: 'udiff', focus: 'Trim keys\nMake `parseConfig` trim every key.', ...overrides };
}

function result(ttftMs: number | null, promptTokens: number, latencyMs = (ttftMs ?? 0) + 200): ModelResult {
  return { text: '', model: 'qwen', provider: 'ollama', promptTokens, completionTokens: 10, cachedTokens: 0, latencyMs, ttftMs, costUsd: 0, costSource: 'pricing' };
}

describe('fitEditorPrompt', () => {
  test('sends the whole file, in the asked format, when it fits with room for the answer', async () => {
    const content = 'export const a = 1;\n';
    const fitted = await fitEditorPrompt(callPlan(editorRole(), content), builder('src/a.ts', content));
    expect(fitted.window).toBeUndefined();
    expect(fitted.format).toBe('udiff');
    expect(fitted.sentTokens).toBe(await countMessages(fitted.messages));
    expect(fitted.messages[1].content).toContain(content);
  });

  test('sends a window around what the step names, as search/replace, when the file does not fit', async () => {
    const content = bigFile();
    const fitted = await fitEditorPrompt(callPlan(editorRole(), content), builder('src/big.ts', content));
    const w = fitted.window!;
    expect(fitted.format).toBe('search-replace');
    expect(fitted.messages[0].content).toBe('You edit code. Answer in search-replace format.');
    expect(w.totalLines).toBe(1200);
    expect(w.fileTokens).toBe(await countTokens(content));
    expect(w.terms).toEqual(['parseConfig']);
    // parseConfig is declared on line 751, and the window holds it with context on both sides.
    expect(w.startLine).toBeLessThan(751 - 100);
    expect(w.endLine).toBeGreaterThan(751 + 100);
    expect(fitted.messages[1].content).toContain('export function parseConfig(value: number): number {');
    // The prompt leaves the answer its quarter of the 4,096-token window, and uses most of the rest.
    expect(fitted.sentTokens).toBe(await countMessages(fitted.messages));
    expect(fitted.sentTokens).toBeLessThanOrEqual(4096 - 1024);
    expect(fitted.sentTokens).toBeGreaterThan(2700);
  });

  test('keeps room for a whole-file answer as large as the file', async () => {
    const content = bigFile().split('\n').slice(0, 300).join('\n') + '\n'; // about 2,200 tokens
    const role = editorRole();
    expect((await fitEditorPrompt(callPlan(role, content, { format: 'udiff' }), builder('src/a.ts', content))).window).toBeUndefined();
    expect((await fitEditorPrompt(callPlan(role, content, { format: 'whole' }), builder('src/a.ts', content))).window).toBeDefined();
  });

  test('never windows without a configured context window or for a new file', async () => {
    const content = bigFile();
    expect((await fitEditorPrompt(callPlan(editorRole({ contextWindow: undefined }), content), builder('src/big.ts', content))).window).toBeUndefined();
    const created = await fitEditorPrompt(callPlan(editorRole(), null as unknown as string, { content: null }), builder('src/new.ts', ''));
    expect(created.window).toBeUndefined();
  });
});

describe('windowedAnswerProblem', () => {
  const windowed = { messages: [], sentTokens: 0, format: 'search-replace' as const, context: 'none' as const, window: { startLine: 10, endLine: 20, totalLines: 99, fileTokens: 900, terms: [] } };

  test('refuses a whole-file answer to a windowed prompt, telling the editor why', () => {
    const problem = windowedAnswerProblem(windowed, '```ts\nexport const a = 2;\n```\n');
    expect(problem?.reason).toBe('the editor answered without search/replace blocks although it saw only lines 10-20');
    expect(problem?.feedback).toContain('You were shown only lines 10-20 of the file, so a whole-file answer would delete the rest.');
  });

  test('accepts search/replace blocks and diff hunks, and anything when the whole file was sent', () => {
    expect(windowedAnswerProblem(windowed, 'x.ts\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n')).toBeUndefined();
    expect(windowedAnswerProblem(windowed, '@@ -1 +1 @@\n-a\n+b\n')).toBeUndefined();
    expect(windowedAnswerProblem({ ...windowed, window: undefined }, 'whole file')).toBeUndefined();
  });
});

describe('truncationWarning', () => {
  test('names what the editor saw and the Ollama setting that fixes it, rounded up to a power of two', () => {
    expect(truncationWarning(editorRole({ contextWindow: 8192 }), 5900, 1024)).toBe(
      'the editor saw 1,024 of 5,900 prompt tokens: Ollama truncated the prompt; set OLLAMA_CONTEXT_LENGTH to at least 8192 ' +
        '(or set editor.contextWindow to the context the model really has, so tandem sends a window of the file)',
    );
    expect(truncationWarning(editorRole({ contextWindow: 8192 }), 7000, 4096)).toContain('set OLLAMA_CONTEXT_LENGTH to at least 16384');
  });

  test('blames the gateway or model for a cloud role', () => {
    const cloud = editorRole({ local: false, gatewayName: 'OpenRouter', contextWindow: undefined });
    expect(truncationWarning(cloud, 3000, 1000)).toBe(
      'the editor saw 1,000 of 3,000 prompt tokens: OpenRouter or the model cut the prompt; use a model with a context of at least 4096 tokens or set editor.contextWindow to its real size',
    );
  });

  test('stays quiet for small differences, unreported usage and tiny prompts', () => {
    const role = editorRole();
    expect(truncationWarning(role, 5900, 4800)).toBeUndefined();
    expect(truncationWarning(role, 5900, 0)).toBeUndefined();
    expect(truncationWarning(role, 200, 20)).toBeUndefined();
  });

  test('powerOfTwoAtLeast', () => {
    expect([1, 2, 3, 4096, 4097, 7948].map(powerOfTwoAtLeast)).toEqual([1, 2, 4, 4096, 8192, 8192]);
  });
});

describe('EditorCallWatch', () => {
  test('warns once when the gateway reports far fewer prompt tokens than were sent (fake gateway)', async () => {
    const gateway = await startGateway({ routes: [{ replies: [{ text: 'ok', promptTokens: 1024 }, { text: 'ok', promptTokens: 1024 }] }] });
    const role = makeRole(gateway.url, { local: true, contextWindow: 8192, gatewayName: 'Ollama' });
    const events: PipelineEvent[] = [];
    const watch = new EditorCallWatch((e) => events.push(e));
    const client = createModelClient(role);
    const content = bigFile().split('\n').slice(0, 600).join('\n') + '\n'; // fits 8,192 with room for the answer
    const plan = callPlan(role, content);
    let sent: ChatMessage[] = [];
    let sentTokens = 0;
    for (let i = 0; i < 2; i++) {
      const fitted = await watch.prepare(plan, builder('src/big.ts', content));
      expect(fitted.window).toBeUndefined();
      [sent, sentTokens] = [fitted.messages, fitted.sentTokens];
      watch.check(plan, fitted, await client.complete({ messages: fitted.messages }));
    }
    expect(gateway.requests[0].body?.messages).toEqual(sent);
    expect(sentTokens).toBeGreaterThan(4096);
    expect(events).toEqual([
      {
        type: 'notice',
        level: 'warn',
        step: 2,
        message:
          `the editor saw 1,024 of ${sentTokens.toLocaleString('en-US')} prompt tokens: Ollama truncated the prompt; set OLLAMA_CONTEXT_LENGTH to at least 8192 ` +
          '(or set editor.contextWindow to the context the model really has, so tandem sends a window of the file)',
      },
    ]);
  });

  test('says once per step that a file was windowed', async () => {
    const events: PipelineEvent[] = [];
    const watch = new EditorCallWatch((e) => events.push(e));
    const content = bigFile();
    const plan = callPlan(editorRole(), content);
    const fitted = await watch.prepare(plan, builder('src/big.ts', content));
    await watch.prepare(plan, builder('src/big.ts', content));
    const w = fitted.window!;
    expect(events).toEqual([
      {
        type: 'notice',
        level: 'info',
        step: 2,
        message:
          `src/big.ts (${w.fileTokens.toLocaleString('en-US')} tokens) does not fit the editor's 4,096-token context window with the prompt and room for the answer; ` +
          `sending lines ${w.startLine}-${w.endLine} of 1,200 around \`parseConfig\` and asking for search/replace edits`,
      },
    ]);
  });

  test('shows a cold model load when the first call waited far longer than the next', () => {
    const events: PipelineEvent[] = [];
    const watch = new EditorCallWatch((e) => events.push(e));
    const role = editorRole();
    const fitted = { messages: [], sentTokens: 0, format: 'udiff' as const, context: 'none' as const };
    watch.check(callPlan(role, '', { step: 0 }), fitted, result(12_400, 500));
    watch.check(callPlan(role, '', { step: 1 }), fitted, result(900, 500));
    watch.check(callPlan(role, '', { step: 2 }), fitted, result(100, 500));
    expect(events).toEqual([
      {
        type: 'notice',
        level: 'info',
        step: 0,
        message:
          'the first editor call waited 12.4 s against 0.9 s for the next: a cold model load (Ollama loads a model on first use and unloads it after 5 idle minutes); later calls are not slowed',
      },
    ]);
  });

  test('does not call a slow first call cold when its larger prompt explains it, or when it was only a little slower', () => {
    const events: PipelineEvent[] = [];
    const fitted = { messages: [], sentTokens: 0, format: 'udiff' as const, context: 'none' as const };
    const bigPrompt = new EditorCallWatch((e) => events.push(e));
    bigPrompt.check(callPlan(editorRole(), ''), fitted, result(6000, 5000));
    bigPrompt.check(callPlan(editorRole(), ''), fitted, result(600, 500));
    const small = new EditorCallWatch((e) => events.push(e));
    small.check(callPlan(editorRole(), ''), fitted, result(1500, 500));
    small.check(callPlan(editorRole(), ''), fitted, result(200, 500));
    expect(events).toEqual([]);
  });
});

describe('editor fit in a real run (built CLI, fake gateway)', () => {
  test('a file too big for the context goes as a window in search/replace, and a short prompt_tokens is reported', async () => {
    const repo = await gitFixture({ 'src/big.ts': bigFile(), 'tandem.config.json': JSON.stringify({ editor: { contextWindow: 4096 } }) });
    try {
      const plan = { summary: 'Double parseConfig.', steps: [{ title: 'Double parseConfig', file: 'src/big.ts', action: 'edit', instructions: 'Make `parseConfig` return twice its value.', depends_on: [] }] };
      const edit = 'src/big.ts\n<<<<<<< SEARCH\n  return value * 250 + 1750;\n=======\n  return (value * 250 + 1750) * 2;\n>>>>>>> REPLACE\n';
      const gateway = await startGateway({
        routes: [
          { match: matchNotPinned(), replies: [{ text: JSON.stringify(plan) }] },
          { match: matchProviderPinned(), replies: [{ text: edit, promptTokens: 1024 }] },
        ],
      });
      const run = await runCli(['run', 'double parseConfig', '--yes'], { cwd: repo.root, env: { TANDEM_BASE_URL: gateway.url, TANDEM_API_KEY: 'k' } });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/i \[1\/1\] src\/big\.ts \([\d,]+ tokens\) does not fit the editor's 4,096-token context window .*; sending lines \d+-\d+ of 1,200 around `parseConfig` and asking for search\/replace edits/);
      expect(run.stderr).toMatch(/! \[1\/1\] the editor saw 1,024 of [\d,]+ prompt tokens: Ollama truncated the prompt; set OLLAMA_CONTEXT_LENGTH to at least 4096 /);
      const editorCall = gateway.requests.find((r) => r.body?.provider !== undefined)!;
      const [system, user] = editorCall.body!.messages!.map((m) => String(m.content));
      expect(user).toMatch(/Lines \d+-\d+ of 1200 of src\/big\.ts/);
      expect(user).not.toContain('export function helper0(');
      expect(system).toContain('SEARCH');
      expect(await readFile(join(repo.root, 'src/big.ts'), 'utf8')).toBe(bigFile().replace('  return value * 250 + 1750;', '  return (value * 250 + 1750) * 2;'));
    } finally {
      await repo.cleanup();
    }
  });
});
