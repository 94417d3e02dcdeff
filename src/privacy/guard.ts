import type { PrivacyLevel, ResolvedConfig, ResolvedRole, RoleName } from '../config/types.js';
import { ExitCode, TandemError } from '../errors.js';
import { fallbackProvider } from '../gateway/stream-attempt.js';
import type { ModelClient, ModelRequest, ModelResult } from '../gateway/types.js';
import { countMessages, loadTokenCounter } from '../tokens/count.js';
import { appendEgress, type EgressFile, type EgressForm, type EgressRecord } from './egress-ledger.js';
import { Redactor } from './redact.js';

/** A file's part of a request, as the caller put it into the messages. */
export interface SentPiece {
  path: string;
  form: EgressForm;
  text: string;
}

/** What a request discloses about the repository, for the egress ledger. */
export interface Disclosure {
  files: SentPiece[];
  /** Files named by path only. */
  pathsListed?: number;
  /** Files asked for or named but withheld. */
  withheld?: string[];
}

/** Where the guard writes and which roles count as cloud. */
export interface GuardSettings {
  root: string;
  runId: string;
  privacy: PrivacyLevel;
  /** The roles; without them every role is taken for a cloud one (the safe side). */
  config?: Pick<ResolvedConfig, 'architect' | 'editor' | 'fallback'>;
}

/**
 * The one door every model request goes through. For a cloud role (any role not marked `local: true`)
 * each secret in the messages is replaced by a placeholder, and an editing role's answer gets the real
 * values back (an edit quoting a placeholder then applies to the real file);
 * a local role gets the text as it is. Either way the request goes on the egress ledger once the call
 * is over, failed calls included (their bytes may have left), but not a call the budget refused
 * before sending.
 */
export class PrivacyGuard {
  constructor(private readonly settings: GuardSettings) {}

  /** Sends a request through `client` under the privacy rules; `disclosure` says which files' parts it holds. */
  async complete(client: ModelClient, request: ModelRequest, disclosure: Disclosure): Promise<ModelResult> {
    const role = this.roleOf(client.role);
    const cloud = !role?.local;
    const redactor = new Redactor();
    const messages = cloud ? request.messages.map((m) => ({ ...m, content: redactor.redact(m.content) })) : request.messages;
    const pieces = disclosure.files.map((piece) => {
      const own = new Redactor();
      const text = cloud ? own.redact(piece.text) : piece.text;
      return { piece, text, redactions: own.total };
    });
    const ts = new Date().toISOString();
    // The ledger counts exactly, with the tokenizer, once the call is over: loading it must not hold the request back.
    const write = async (): Promise<void> => {
      const count = await loadTokenCounter();
      const files: EgressFile[] = pieces.map(({ piece, text, redactions }) => ({ path: piece.path, form: piece.form, bytes: Buffer.byteLength(text), tokens: count(text), redactions }));
      const record: EgressRecord = {
        ts,
        runId: request.meta?.runId ?? this.settings.runId,
        planId: request.meta?.planId ?? null,
        step: request.meta?.step ?? null,
        role: client.role,
        model: client.model,
        provider: role ? fallbackProvider(role) : '',
        cloud,
        privacy: this.settings.privacy,
        bytes: messages.reduce((sum, m) => sum + Buffer.byteLength(m.content), 0),
        tokens: await countMessages(messages),
        files,
        pathsListed: disclosure.pathsListed ?? 0,
        withheld: disclosure.withheld ?? [],
        redactions: Object.fromEntries(redactor.counts),
      };
      await appendEgress(this.settings.root, record);
    };
    let result: ModelResult;
    try {
      result = await client.complete({ ...request, messages });
    } catch (error) {
      // A call the budget refused never left the machine; any other failure may have, and is counted.
      if (!(error instanceof TandemError && error.exitCode === ExitCode.budget)) await write();
      throw error;
    }
    await write();
    // An edit quoting a placeholder must apply to the real file, so editing roles get the values back. The
    // architect's plan keeps its placeholders: plans are saved, printed and posted in CI, secrets must not be.
    return cloud && client.role !== 'architect' ? { ...result, text: redactor.restore(result.text) } : result;
  }

  private roleOf(name: RoleName): ResolvedRole | undefined {
    const { config } = this.settings;
    if (!config) return undefined;
    return name === 'fallback' ? config.fallback : name === 'architect' ? config.architect : config.editor;
  }
}

const guards = new WeakMap<object, PrivacyGuard>();

/** The guard of one run (keyed by its context object), made on first use. */
export function guardFor(run: { root: string; runId: string; config: ResolvedConfig }): PrivacyGuard {
  let guard = guards.get(run);
  if (!guard) {
    guard = new PrivacyGuard({ root: run.root, runId: run.runId, privacy: run.config.privacy, config: run.config });
    guards.set(run, guard);
  }
  return guard;
}
