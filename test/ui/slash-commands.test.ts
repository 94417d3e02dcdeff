import { describe, expect, it } from 'vitest';
import { helpText, parsePromptLine, unknownSlashHint } from '../../src/ui/slash-commands.js';

describe('parsePromptLine', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['  add input validation  ', { kind: 'task', task: 'add input validation' }],
    ['/undo', { kind: 'command', name: 'undo', args: [] }],
    ['/LOG 50', { kind: 'command', name: 'log', args: ['50'] }],
    ['/exit', { kind: 'command', name: 'quit', args: [] }],
    ['/q', { kind: 'command', name: 'quit', args: [] }],
    ['/?', { kind: 'command', name: 'help', args: [] }],
    ['/deploy now', { kind: 'unknown', name: 'deploy' }],
  ])('%j', (line, expected) => {
    expect(parsePromptLine(line)).toEqual(expected);
  });
});

describe('helpText', () => {
  it('lists every command with its meaning and the keys of each screen', () => {
    const text = helpText();
    for (const name of ['undo', 'log', 'stats', 'config', 'help', 'quit']) expect(text).toMatch(new RegExp(`^  /${name} +\\S`, 'm'));
    expect(text).toContain('space toggle a step');
    expect(text).toContain('r revert the step');
  });
});

describe('unknownSlashHint', () => {
  it('suggests the nearest slash commands, and always says where the list is', () => {
    expect(unknownSlashHint('stast')).toBe('Did you mean /stats? Type /help for the list.');
    expect(unknownSlashHint('lgo')).toBe('Did you mean /log? Type /help for the list.');
    expect(unknownSlashHint('deploy')).toBe('Type /help for the list.');
  });
});
