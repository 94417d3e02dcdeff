import type { LineWindow } from '../tokens/window.js';
import type { Disclosure } from './guard.js';

/** What an editor request discloses: the step's file whole, or the window of it that was sent; nothing for a file to create. */
export function editorDisclosure(path: string, content: string | null, window?: LineWindow): Disclosure {
  if (content === null) return { files: [] };
  if (!window) return { files: [{ path, form: 'content', text: content }] };
  const lines = content.replace(/\n$/, '').split('\n');
  const whole = window.startLine <= 1 && window.endLine >= lines.length;
  const text = whole ? content : `${lines.slice(window.startLine - 1, window.endLine).join('\n')}\n`;
  return { files: [{ path, form: whole ? 'content' : 'excerpt', text }] };
}
