import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { splitList } from '../config/layers.js';
import type { ConfigLayer } from '../config/schema.js';
import type { EditFormat, PrivacyLevel, ResolvedConfig } from '../config/types.js';
import { openWorkspace, type Workspace } from '../workspace/git.js';

/** Flags shared by the model-using commands (see withConfigFlags in src/cli.ts). */
export interface ConfigFlags {
  config?: string;
  baseUrl?: string;
  architectModel?: string;
  editorModel?: string;
  editorProvider?: string;
  editFormat?: EditFormat;
  privacy?: PrivacyLevel;
  cwd?: string;
}

/** Turns flags into the last configuration layer. */
export function flagsLayer(flags: ConfigFlags): ConfigLayer {
  const layer: ConfigLayer = {};
  if (flags.baseUrl) layer.gateway = { baseURL: flags.baseUrl };
  if (flags.architectModel) layer.architect = { model: flags.architectModel };
  if (flags.editorModel || flags.editorProvider || flags.editFormat) {
    layer.editor = {
      ...(flags.editorModel ? { model: flags.editorModel } : {}),
      ...(flags.editorProvider ? { provider: { only: splitList(flags.editorProvider) } } : {}),
      ...(flags.editFormat ? { editFormat: flags.editFormat } : {}),
    };
  }
  if (flags.privacy) layer.privacy = flags.privacy;
  return layer;
}

/** Opens the repository the command runs in and resolves its configuration. */
export async function openProject(flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): Promise<{ workspace: Workspace; config: ResolvedConfig }> {
  const workspace = await openWorkspace(resolve(flags.cwd ?? process.cwd()));
  const config = await loadConfig({
    root: workspace.root,
    env,
    flags: flagsLayer(flags),
    configFile: flags.config ? resolve(flags.config) : undefined,
  });
  return { workspace, config };
}
