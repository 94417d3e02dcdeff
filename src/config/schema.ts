import { z } from 'zod';
import { hasUserInfo } from '../privacy/url.js';

// A password in a URL ends up in every error line and log record that names the endpoint.
const baseURL = z.url().refine((url) => !hasUserInfo(url), 'put credentials in the key variable, not the URL');

const pricing = z.strictObject({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cachedInput: z.number().nonnegative().optional(),
  cacheWrite: z.number().nonnegative().optional(),
});

const timeouts = z.strictObject({
  connectMs: z.number().int().positive().optional(),
  firstTokenMs: z.number().int().positive().optional(),
  totalMs: z.number().int().positive().optional(),
  /** A local role's first call may take this long (a cold model load), until the model has answered once. */
  coldStartMs: z.number().int().positive().optional(),
});

/** Fields any role may set; every one optional, since a layer may set only some. */
const roleFields = {
  model: z.string().min(1).optional(),
  baseURL: baseURL.optional(),
  apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional(),
  headers: z.record(z.string(), z.string()).optional(),
  provider: z.record(z.string(), z.unknown()).optional(),
  pricing: pricing.optional(),
  local: z.boolean().optional(),
  contextWindow: z.number().int().positive().optional(),
  /** false turns off cache breakpoints in this role's requests. */
  promptCache: z.boolean().optional(),
  timeouts: timeouts.optional(),
  /** Retries of a failed HTTP call (429, 5xx, network). */
  retries: z.number().int().min(0).max(10).optional(),
};

const role = z.strictObject(roleFields);

/** One configuration layer (a file, the environment, or the flags): everything optional. */
export const configLayerSchema = z.strictObject({
  $schema: z.string().optional(),
  gateway: z
    .strictObject({
      baseURL: baseURL.optional(),
      apiKeyEnv: roleFields.apiKeyEnv,
      headers: roleFields.headers,
      name: z.string().optional(),
      timeouts: timeouts.optional(),
      retries: roleFields.retries,
    })
    .optional(),
  architect: z.strictObject({ ...roleFields, contextBudget: z.number().int().positive().optional() }).optional(),
  editor: z
    .strictObject({
      ...roleFields,
      editFormat: z.enum(['auto', 'search-replace', 'udiff', 'whole']).optional(),
      wholeFileMaxLines: z.number().int().positive().optional(),
      /** Edit retries after the first attempt, before the fallback role's one try. */
      maxRetries: z.number().int().min(0).max(10).optional(),
      /** After the retries fail, ask the same editor once for the whole file (when it fits) before the fallback. */
      escalate: z.boolean().optional(),
      fallback: role.optional(),
      /** Load a local editor's model while the architect plans (default true). */
      warmUp: z.boolean().optional(),
      /** Editor hosts behind the gateway's load balancer (written by `tandem init --editor-pool`). */
      pool: z.array(z.url()).min(1).optional(),
      /** Calls one pool member serves at once (Ollama's OLLAMA_NUM_PARALLEL); sizes `--concurrency auto`. */
      parallelPerHost: z.number().int().min(1).max(64).optional(),
    })
    .optional(),
  privacy: z.enum(['standard', 'outline', 'local-summary']).optional(),
  /** Extra project rules files (repository-relative), read after AGENTS.md, CLAUDE.md, GEMINI.md, CONVENTIONS.md, .cursorrules. */
  rules: z.array(z.string().min(1)).optional(),
  /** How steps are committed: `verify: true` runs the repository's commit hooks (default: not run). */
  git: z.strictObject({ verify: z.boolean().optional() }).optional(),
});

export type ConfigLayer = z.infer<typeof configLayerSchema>;
