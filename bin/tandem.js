#!/usr/bin/env node
import { readFileSync } from 'node:fs';

// `tandem --help | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // The most common cold start answers without loading the CLI at all.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  import('../dist/bundle/cli.js').then((cli) => cli.main(process.argv)).catch((error) => {
    process.stderr.write(`tandem: could not start (${error?.message ?? error}). Run "npm install" to build it.\n`);
    process.exitCode = 1;
  });
}
