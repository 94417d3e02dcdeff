import { createInterface } from 'node:readline/promises';

/** Where a yes/no question is asked and answered. */
export interface Asker {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/**
 * Asks a yes/no question on a terminal; enter takes `fallback`. Input that ends before an answer is a no:
 * nothing is done on a guess.
 */
export async function confirm(question: string, fallback: boolean, io: Asker = { input: process.stdin, output: process.stderr }): Promise<boolean> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: false });
  const closed = new Promise<null>((resolve) => rl.once('close', () => resolve(null)));
  try {
    io.output.write(`${question} ${fallback ? '[Y/n]' : '[y/N]'} `);
    const answer = await Promise.race([rl.question(''), closed]);
    if (answer === null) return false;
    const word = answer.trim().toLowerCase();
    return word === '' ? fallback : word === 'y' || word === 'yes';
  } finally {
    rl.close();
  }
}
