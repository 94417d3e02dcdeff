import type { ActivityRecord } from '../activity/types.js';
import type { ResolvedConfig, RoleName } from '../config/types.js';

/** Whether a call ran on the user's own hardware. */
export type IsLocal = (record: Pick<ActivityRecord, 'role'>) => boolean;

/**
 * Local or cloud by the call's role, as the config marks the role (`local: true`); the summarizer runs on
 * the local editor model, so it is local when the editor is. The log holds no such flag, so calls made
 * before a role was moved between local and cloud are counted by today's setting.
 */
export function localityOf(config: Pick<ResolvedConfig, 'architect' | 'editor' | 'fallback'>): IsLocal {
  const local = new Set<RoleName>();
  if (config.architect.local) local.add('architect');
  if (config.editor.local) local.add('editor').add('summarizer');
  if (config.fallback?.local) local.add('fallback');
  return (record) => local.has(record.role);
}
