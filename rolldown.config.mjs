// The bundle bin/tandem.js runs: tsc's output (dist/) rolled into a few files under dist/bundle/, with
// the libraries on the path to the first model request (openai, zod, commander, simple-git) inside it.
// Node's module loader pays per file; these four alone are ~260 files, and loading them one by one was
// most of `tandem plan`'s start-up (see BENCHMARKS.md). Every command is still its own chunk, loaded
// when it runs. Everything else stays an ordinary import from node_modules: the grammars and the
// tokenizer load lazily anyway, and ink/react load only in the session.
const BUNDLED = ['openai', 'zod', 'commander', 'simple-git'];

const packageOf = (id) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]);
const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[a-z]+:/.test(id);

export default {
  input: { cli: 'dist/cli.js' },
  platform: 'node',
  // A bare import is bundled when it names one of BUNDLED, or comes from inside node_modules (their own dependencies).
  external: (id, importer) => isBare(id) && !BUNDLED.includes(packageOf(id)) && !(importer ?? '').includes('/node_modules/'),
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    cleanDir: true,
    // Each bundled library in a chunk named after it (vendor-openai-<hash>.js...), so a test can tell which load.
    codeSplitting: { groups: BUNDLED.map((name) => ({ name: `vendor-${name}`, test: new RegExp(`/node_modules/${name}/`) })) },
  },
};
