// One measurement in a fresh process, as a tandem command runs it: the repository map of a task, timed
// from the start of the process (imports included) and for the call alone. Prints the figures and the
// map's text; the caller counts its tokens, so the tokenizer's load is not part of this process's time.
const started = performance.now();
const { buildRepoMap } = await import('../../dist/context/repo-map.js');
const [root, budget, task] = process.argv.slice(2);
const called = performance.now();
const map = await buildRepoMap({ root, task, named: [], budget: Number(budget) });
const done = performance.now();
process.stdout.write(
  JSON.stringify({
    ms: Math.round(done - started),
    callMs: Math.round(done - called),
    outlined: map.outlined.length,
    listed: map.listed,
    omitted: map.omitted,
    tokens: map.tokens,
    text: map.text,
    top: map.outlined.slice(0, 3).map((o) => o.path),
  }),
);
