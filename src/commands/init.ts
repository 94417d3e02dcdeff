import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parsePoolUrls, withEditorPool } from '../config/editor-pool.js';
import { validateLayer } from '../config/layers.js';
import { GATEWAY_PRESETS, isGatewayPreset, presetConfig, presetInfo, type GatewayPreset, type PresetChoices } from '../config/presets.js';
import { usageError } from '../errors.js';
import { offerConfigCommit } from './commit-config.js';

/** Flags of `tandem init`. */
export interface InitOptions {
  gateway?: string;
  architectModel?: string;
  editorModel?: string;
  providerSlug?: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  /** `--editor-pool <url>,<url>…`: editor hosts behind the gateway's load balancer. */
  editorPool?: string;
  force?: boolean;
  cwd?: string;
}

/** Where init reads answers and writes text; `interactive` is true only for a terminal on standard input. */
export interface InitIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
}

const PRESET_LIST = GATEWAY_PRESETS.join(', ');

/** The repository root above `dir` (the folder holding .git), else `dir` itself. */
export function findProjectRoot(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return dir;
  }
}

/** Asks one question a line at a time; input that ends early is a usage error, never a hang. */
function lineAsker(io: InitIO): { ask(question: string, fallback?: string): Promise<string>; close(): void } {
  const rl = createInterface({ input: io.input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question, fallback) {
      io.output.write(fallback ? `${question} [${fallback}]: ` : `${question}: `);
      const next = await lines.next();
      if (next.done) throw usageError('input ended before tandem init had its answers', `pass --gateway <${GATEWAY_PRESETS.join('|')}> to run without questions`);
      return next.value.trim() || fallback || '';
    },
    close: () => rl.close(),
  };
}

async function askChoices(io: InitIO): Promise<{ name: GatewayPreset; choices: PresetChoices }> {
  const asker = lineAsker(io);
  try {
    io.output.write('Which gateway do the architect and the editor go through?\n');
    GATEWAY_PRESETS.forEach((name, i) => io.output.write(`  ${i + 1}) ${name.padEnd(10)}  ${presetInfo(name).title}\n`));
    let name: GatewayPreset | undefined;
    while (!name) {
      const answer = (await asker.ask('Gateway', '1')).toLowerCase();
      const picked = GATEWAY_PRESETS[Number(answer) - 1] ?? answer;
      if (isGatewayPreset(picked)) name = picked;
      else io.output.write(`  "${answer}" is not one of 1-${GATEWAY_PRESETS.length} or ${PRESET_LIST}\n`);
    }
    const info = presetInfo(name);
    const choices: PresetChoices = {};
    if (name === 'direct') {
      choices.baseURL = await asker.ask('Architect endpoint (OpenAI-compatible, ending in /v1)', info.baseURL);
      choices.apiKeyEnv = await asker.ask('Variable holding its key', info.apiKeyEnv);
    }
    choices.architectModel = await asker.ask('Architect model (plans)', info.architectModel);
    choices.editorModel = await asker.ask('Editor model (edits)', info.editorModel);
    if (info.providerSlug) choices.providerSlug = await asker.ask('Provider slug the editor is pinned to', info.providerSlug);
    return { name, choices };
  } finally {
    asker.close();
  }
}

/** `tandem init`: writes tandem.config.json from a gateway preset, asking in a terminal or taking flags. */
export async function initCommand(options: InitOptions, io: InitIO = { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) }): Promise<number> {
  const root = findProjectRoot(resolve(options.cwd ?? process.cwd()));
  const path = join(root, 'tandem.config.json');
  if (existsSync(path) && !options.force) throw usageError(`${path} already exists`, 'pass --force to overwrite it');
  if (options.gateway !== undefined && !isGatewayPreset(options.gateway)) throw usageError(`unknown gateway "${options.gateway}"`, `choose one of ${PRESET_LIST}`);
  if (options.gateway === undefined && !io.interactive) throw usageError('no terminal to ask in', `pass --gateway <${GATEWAY_PRESETS.join('|')}> (and optionally the models)`);
  const poolUrls = options.editorPool === undefined ? undefined : parsePoolUrls(options.editorPool);

  const { name, choices } =
    options.gateway !== undefined
      ? {
          name: options.gateway as GatewayPreset,
          choices: { architectModel: options.architectModel, editorModel: options.editorModel, providerSlug: options.providerSlug, baseURL: options.baseUrl, apiKeyEnv: options.apiKeyEnv },
        }
      : await askChoices(io);
  const pool = poolUrls && withEditorPool(name, presetConfig(name, choices), poolUrls);
  const layer = validateLayer(pool?.layer ?? presetConfig(name, choices), 'the preset');
  await writeFile(path, `${JSON.stringify(layer, null, 2)}\n`, { flag: options.force ? 'w' : 'wx' });

  const info = presetInfo(name);
  const shown = relative(process.cwd(), path) || path;
  io.output.write(`Wrote ${shown} for ${name}: architect ${layer.architect?.model}, editor ${layer.editor?.model}.\n`);
  if (info.apiKeyEnv) io.output.write(`Put the key in ${choices.apiKeyEnv ?? info.apiKeyEnv} (keys never go in the file).\n`);
  if (poolUrls) io.output.write(`Editor pool: ${poolUrls.length} hosts (${poolUrls.join(', ')}); tandem doctor checks each, --concurrency auto uses them all.\n`);
  if (pool?.snippet) io.output.write(`Add the pool to your LiteLLM proxy's config.yaml (tandem does not edit it):\n\n${pool.snippet}\n`);
  await offerConfigCommit(root, io);
  io.output.write(`Setup notes: ${poolUrls ? 'docs/scale.md' : info.docs}. Then check everything with: tandem doctor\n`);
  return 0;
}
