import { describe, expect, it } from 'vitest';
import { extractJsonObject, parseArchitectAnswer } from '../../src/architect/parse-plan.js';

const plan = { summary: 'Validate input', steps: [{ title: 'Add check', file: 'src/a.ts', action: 'edit', instructions: 'Do it', depends_on: [] }] };

describe('parseArchitectAnswer', () => {
  it('reads a bare JSON plan', () => {
    expect(parseArchitectAnswer(JSON.stringify(plan))).toEqual({ kind: 'plan', plan });
  });

  it('reads a plan inside a json fence with prose and a think block around it', () => {
    const text = `<think>{"not": "this"}</think>Here is the plan:\n\`\`\`json\n${JSON.stringify(plan, null, 2)}\n\`\`\`\nGood luck.`;
    expect(parseArchitectAnswer(text)).toEqual({ kind: 'plan', plan });
  });

  it('reads a bare object after prose, with braces inside strings', () => {
    const tricky = { ...plan, summary: 'use {curly} "quotes"' };
    expect(parseArchitectAnswer(`Sure! ${JSON.stringify(tricky)} done`)).toEqual({ kind: 'plan', plan: tricky });
  });

  it('fills defaults for action and depends_on', () => {
    const result = parseArchitectAnswer('{"summary":"s","steps":[{"title":"t","file":" b.ts ","instructions":"i"}]}');
    expect(result).toEqual({ kind: 'plan', plan: { summary: 's', steps: [{ title: 't', file: 'b.ts', action: 'edit', instructions: 'i', depends_on: [] }] } });
  });

  it('recognises a need_files request', () => {
    expect(parseArchitectAnswer('{"need_files": ["src/a.ts", "src/b.ts"]}')).toEqual({ kind: 'need-files', files: ['src/a.ts', 'src/b.ts'] });
  });

  it.each([
    ['no json here', 'no JSON object found in the answer'],
    ['{"summary":"s","steps":[]}', 'steps: the plan has no steps'],
    ['{"summary":"s","steps":[{"title":"t","file":"a","action":"rename"}]}', 'steps.0.action:'],
    ['{"summary":"s","steps":[{"title":"t","file":"a","depends_on":[0]}]}', 'steps.0.depends_on: 0 is not an earlier step'],
    ['{"summary":"s","steps":[{"title":"t","file":"a"},{"title":"u","file":"a"}]}', 'steps.1.file: a is already the file of step 0'],
  ])('names what is wrong with %s', (text, error) => {
    const result = parseArchitectAnswer(text);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.error).toContain(error);
  });

  it('skips an unbalanced brace and finds the real object', () => {
    expect(extractJsonObject('a { b {"x": 1}')).toEqual({ x: 1 });
  });
});
