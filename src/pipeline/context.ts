import { randomBytes } from 'node:crypto';
import { keyMissing, missingKeyError } from '../config/keys.js';
import type { ResolvedConfig, ResolvedRole } from '../config/types.js';
import type { RepoMap } from '../context/repo-map.js';
import { createModelClient } from '../gateway/openai-client.js';
import type { ModelClient } from '../gateway/types.js';
import type { Workspace } from '../workspace/git.js';
import type { Emit } from './events.js';
import { CallRecorder } from './recorder.js';

/** Makes a client for a role; injectable so a front end or test can route calls elsewhere. */
export type ClientFactory = (role: ResolvedRole, onCall: CallRecorder['onCall']) => ModelClient;

/** Everything one run shares: where, with what config, and how calls are made and recorded. */
export interface RunContext {
  root: string;
  workspace: Workspace;
  config: ResolvedConfig;
  runId: string;
  recorder: CallRecorder;
  signal?: AbortSignal;
  /** The repository view the run's plan was made with; fix-up rounds send it again so the prompt cache can serve it. */
  architectMap?: RepoMap;
  client(role: 'architect' | 'editor' | 'fallback'): ModelClient;
}

/** Builds a run context; clients are made once per role and share the recorder. */
export function createRunContext(input: { workspace: Workspace; config: ResolvedConfig; emit: Emit; signal?: AbortSignal; clientFactory?: ClientFactory }): RunContext {
  const runId = `run-${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}-${randomBytes(2).toString('hex')}`;
  const root = input.workspace.root;
  const recorder = new CallRecorder(root, runId, input.emit);
  const factory: ClientFactory = input.clientFactory ?? ((role, onCall) => createModelClient(role, { onCall }));
  const clients = new Map<string, ModelClient>();
  return {
    root,
    workspace: input.workspace,
    config: input.config,
    runId,
    recorder,
    signal: input.signal,
    client(name) {
      const role = name === 'fallback' ? input.config.fallback : input.config[name];
      if (!role) throw new Error(`no ${name} role is configured`);
      if (keyMissing(role)) throw missingKeyError(role);
      let client = clients.get(name);
      if (!client) {
        client = factory(role, recorder.onCall);
        clients.set(name, client);
      }
      return client;
    },
  };
}
