import { describe, expect, it } from 'vitest';
import { declaredWords, rankFiles, taskTerms } from '../../src/context/rank.js';

const file = (path: string, outline: string[] = []) => ({ path, ...declaredWords(outline) });

describe('taskTerms', () => {
  it('keeps identifiers and words of 3+ letters, split and stemmed, without stop words', () => {
    expect(taskTerms('Add rate limiting to the SessionStore login for users')).toEqual(['rate', 'limiting', 'sessionstore', 'session', 'store', 'login', 'user']);
  });
});

describe('declaredWords', () => {
  it('collects declared names and the other words inside them', () => {
    expect(declaredWords(['export class SessionStore', '  get(id: string): Session', 'export function loginUser(name: string)'])).toEqual({
      names: ' sessionstore get id loginuser name ',
      parts: ' session store login user ',
    });
  });
});

describe('rankFiles', () => {
  const files = [
    file('README.md'),
    file('src/billing/invoice.ts', ['export function createInvoice(order: Order)']),
    file('src/auth/session.ts', ['export class SessionStore', '  get(id: string): Session']),
    file('src/auth/login.ts', ['export async function login(user: string, password: string)']),
    file('src/util/format.ts', ['export function formatDate(d: Date)']),
    file('test/auth/login.test.ts'),
  ];

  it('puts files whose names, folders and declarations match the task first, rare terms weighing more', () => {
    expect(rankFiles('limit login attempts in the session store', files)).toEqual([
      'src/auth/session.ts',
      'src/auth/login.ts',
      'test/auth/login.test.ts',
      'README.md',
      'src/billing/invoice.ts',
      'src/util/format.ts',
    ]);
  });

  it('puts named files first, in the order given, then files the task mentions by name', () => {
    expect(rankFiles('fix the date in format.ts for the session', files, ['src/billing/invoice.ts', 'README.md']).slice(0, 4)).toEqual([
      'src/billing/invoice.ts',
      'README.md',
      'src/util/format.ts',
      'src/auth/session.ts',
    ]);
  });

  it('keeps the input order when nothing matches', () => {
    expect(rankFiles('zzz', files)).toEqual(files.map((f) => f.path));
  });
});
