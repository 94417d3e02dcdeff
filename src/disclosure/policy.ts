import type { PrivacyLevel } from '../config/types.js';
import { withheldPaths } from './ignore-rules.js';

/**
 * The one answer to "may this file be read, shown or sent, and in what form". The repository view,
 * need_files, --file and the editor prompt all ask here; the rules it applies (secret files,
 * .gitignore, .tandemignore) live beside it in src/disclosure, below src/context and src/privacy.
 */

/** The form a file may take in a request. */
export type DisclosedForm = 'content' | 'outline' | 'summary';

/** Who a file is disclosed to: the architect plans from it, the editor edits it. */
export type Audience = 'architect' | 'editor';

/** A file's disclosure: withheld with the reason, or sent in a form. */
export type Disclosure = { send: false; reason: string } | { send: true; form: DisclosedForm };

/**
 * Decides a file's disclosure from its withheld reason (undefined when no rule withholds it), the
 * privacy level and the audience: a withheld file is never sent; the editor gets the content of the
 * file it edits whatever the level (it cannot edit an outline; the level is about what the architect
 * reads); the architect gets content, outline or summary as the level says.
 */
export function decideDisclosure(reason: string | undefined, privacy: PrivacyLevel, audience: Audience): Disclosure {
  return reason === undefined ? { send: true, form: formFor(privacy, audience) } : { send: false, reason };
}

/** The form a file the rules do not withhold takes for an audience under a privacy level (see decideDisclosure). */
export function formFor(privacy: PrivacyLevel, audience: Audience): DisclosedForm {
  if (audience === 'editor' || privacy === 'standard') return 'content';
  return privacy === 'outline' ? 'outline' : 'summary';
}

/**
 * Why a path is never sent to any model ("withheld: a secret file (keys, credentials, .env)",
 * "withheld: matched by .gitignore", "withheld: matched by .tandemignore"), or undefined when it may be.
 * A stable entry point: --file validation and the editor step ask it before any model call.
 */
export async function withheldReason(root: string, path: string): Promise<string | undefined> {
  return (await withheldPaths(root, [path])).get(path);
}

/** The disclosure of one path to an audience under a privacy level. */
export async function disclosureOf(root: string, path: string, privacy: PrivacyLevel, audience: Audience): Promise<Disclosure> {
  return decideDisclosure(await withheldReason(root, path), privacy, audience);
}

export { WITHHELD_REASONS, withheldPaths, withheldTracked } from './ignore-rules.js';
