import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { collectLayers, sourcedValues, type SourcedValue } from '../config/sources.js';
import { findProjectRoot } from './init.js';
import { flagsLayer, type ConfigFlags } from './options.js';

/** Options of `tandem config`. */
export interface ConfigOptions extends ConfigFlags {
  json?: boolean;
}

const ORDER = 'default < user file < repo file < env < flag';

/**
 * `tandem config`: the resolved configuration, one value a line with where it came from (default, user
 * file, repo file, env or flag). API keys show only as set or unset; their values are never printed.
 */
export async function configCommand(options: ConfigOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const input = {
    root: findProjectRoot(resolve(options.cwd ?? process.cwd())),
    env,
    flags: flagsLayer(options),
    configFile: options.config ? resolve(options.config) : undefined,
  };
  // Loading first gives an invalid file its usual error (the file, the key, what was expected).
  await loadConfig(input);
  const layers = await collectLayers(input);
  const values = sourcedValues(layers, env);
  if (options.json) {
    const json = values.map((v) => ({ key: v.key, value: v.value, source: v.source.kind, from: v.source.label }));
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(`${renderConfig(values, layers.map((l) => ({ kind: l.kind, label: l.label })))}\n`);
  return 0;
}

/** The values as text: the layers that applied, then `source  key = value` a line. */
export function renderConfig(values: readonly SourcedValue[], layers: ReadonlyArray<SourcedValue['source']>): string {
  const width = Math.max(...values.map((v) => v.source.kind.length));
  const header = [`Resolved configuration (later wins: ${ORDER})`, ...layers.map((l) => `  ${l.kind.padEnd(width)}  ${l.label}`)];
  if (layers.length === 0) header.push('  no config file, variable or flag: built-in defaults only (tandem init writes tandem.config.json)');
  return [...header, '', ...values.map((v) => `${v.source.kind.padEnd(width)}  ${v.key} = ${v.value}`)].join('\n');
}
