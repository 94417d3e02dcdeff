import { describe, expect, test } from 'vitest';
import { renderDoctor } from '../../src/doctor/render.js';
import { contextOf } from '../../src/doctor/ollama-check.js';

describe('renderDoctor', () => {
  test('one aligned line per check, the fix under failures and warnings, and the verdict', () => {
    const text = renderDoctor({
      ok: false,
      exitCode: 1,
      checks: [
        { id: 'config', title: 'config', status: 'pass', detail: 'valid: defaults < environment' },
        { id: 'key', title: 'key FASTROUTER_API_KEY', status: 'fail', detail: 'not set', fix: 'export FASTROUTER_API_KEY=<key>' },
        { id: 'model', title: 'editor model x', status: 'warn', detail: 'not listed', fix: 'the editor call below is the real test' },
        { id: 'editor-call', title: 'editor call (x)', status: 'skip', detail: 'not tried: no key' },
      ],
    });
    expect(text).toBe(
      [
        'ok    config                  valid: defaults < environment',
        'FAIL  key FASTROUTER_API_KEY  not set',
        '                              fix: export FASTROUTER_API_KEY=<key>',
        'warn  editor model x          not listed',
        '                              fix: the editor call below is the real test',
        'skip  editor call (x)         not tried: no key',
        '',
        '1 of 4 checks failed (1 warning).',
        '',
      ].join('\n'),
    );
  });

  test('says so when everything passed', () => {
    expect(renderDoctor({ ok: true, exitCode: 0, checks: [{ id: 'config', title: 'config', status: 'pass', detail: 'valid' }] })).toBe('ok    config  valid\n\nAll checks passed.\n');
  });
});

describe('contextOf', () => {
  test("reads num_ctx from Ollama's padded parameters and the trained length from model_info", () => {
    expect(contextOf({ parameters: 'stop   "<|im_end|>"\nnum_ctx                        16384', model_info: { 'llama.context_length': 131072 } })).toEqual({ numCtx: 16384, trained: 131072 });
    expect(contextOf({ model_info: { 'general.architecture': 'qwen2' } })).toEqual({});
    expect(contextOf(null)).toEqual({});
  });
});
