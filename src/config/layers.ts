import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { usageError } from '../errors.js';
import { configLayerSchema, type ConfigLayer } from './schema.js';

/** A validated layer and where it came from. */
export interface SourcedLayer {
  source: string;
  layer: ConfigLayer;
}

/** The user's config file: $XDG_CONFIG_HOME/tandem/config.json, else ~/.config/tandem/config.json. */
export function userConfigPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'tandem', 'config.json');
}

/** Reads and validates one JSON config file; a missing file is no layer. */
export async function readConfigFile(path: string): Promise<SourcedLayer | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw usageError(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw usageError(`invalid config in ${path}: not valid JSON (${(error as Error).message})`);
  }
  return { source: path, layer: validateLayer(json, path) };
}

/** Validates a layer, turning the first problem into "invalid config in <source>: <key>: <expected>" (exit 2). */
export function validateLayer(value: unknown, source: string): ConfigLayer {
  const parsed = configLayerSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw usageError(`invalid config in ${source}: ${describeIssue(parsed.error.issues[0])}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length > 0 ? `${issue.path.join('.')}.` : '';
    return `${issue.keys.map((k) => prefix + k).join(', ')}: unknown key (check the spelling; see docs/configuration.md)`;
  }
  if (issue.code === 'invalid_type') return `${key}: expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `${key}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return `${key}: ${issue.message.replace(/^Too (small|big): /, '')}`;
  if (issue.code === 'invalid_format') return `${key}: expected ${issue.format === 'url' ? 'a URL' : issue.message}`;
  return `${key}: ${issue.message}`;
}

/** The environment as a layer (DESIGN.md: TANDEM_BASE_URL, TANDEM_ARCHITECT_MODEL, TANDEM_EDITOR_MODEL, TANDEM_EDITOR_PROVIDER). */
export function environmentLayer(env: NodeJS.ProcessEnv): SourcedLayer {
  const raw: Record<string, Record<string, unknown>> = {};
  const set = (section: string, key: string, value: unknown) => {
    raw[section] = { ...raw[section], [key]: value };
  };
  if (env.TANDEM_BASE_URL) set('gateway', 'baseURL', env.TANDEM_BASE_URL);
  if (env.TANDEM_ARCHITECT_MODEL) set('architect', 'model', env.TANDEM_ARCHITECT_MODEL);
  if (env.TANDEM_EDITOR_MODEL) set('editor', 'model', env.TANDEM_EDITOR_MODEL);
  if (env.TANDEM_EDITOR_PROVIDER) set('editor', 'provider', { only: splitList(env.TANDEM_EDITOR_PROVIDER) });
  if (env.TANDEM_PRIVACY) (raw as Record<string, unknown>).privacy = env.TANDEM_PRIVACY;
  return { source: 'environment', layer: validateLayer(raw, 'environment (TANDEM_* variables)') };
}

/** Splits a comma list, dropping blanks. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Deep-merges layers, later wins; `provider` is replaced whole so a flag can narrow routing. */
export function mergeLayers(layers: ConfigLayer[]): ConfigLayer {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) mergeInto(merged, layer as Record<string, unknown>);
  return merged as ConfigLayer;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    const current = target[key];
    if (key !== 'provider' && isPlainObject(value) && isPlainObject(current)) {
      const copy = { ...current };
      mergeInto(copy, value);
      target[key] = copy;
    } else {
      target[key] = isPlainObject(value) ? structuredClone(value) : value;
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
