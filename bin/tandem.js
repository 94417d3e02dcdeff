#!/usr/bin/env node
import('../dist/cli.js').then((cli) => cli.main(process.argv)).catch((error) => {
  process.stderr.write(`tandem: could not start (${error?.message ?? error}). Run "npm install" to build it.\n`);
  process.exitCode = 1;
});
