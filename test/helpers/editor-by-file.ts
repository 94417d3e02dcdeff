import type { CapturedRequest, ScriptedReply } from './fake-gateway.js';

/** All the text of a chat request's messages, one message a line. */
export const promptText = (req: CapturedRequest): string => (req.body?.messages ?? []).map((m) => String(m.content)).join('\n');

/**
 * An editor route's replies chosen by the file the prompt is about, so concurrency cannot reorder them:
 * the first path in `replies` whose `mark` the prompt holds takes the next of its replies, in order.
 * No reply left is a 500 naming the file, so a script that runs short fails loudly.
 */
export function editorByFile(replies: Record<string, ScriptedReply[]>, mark: (path: string) => string = (path) => path) {
  return (req: CapturedRequest): ScriptedReply => {
    const prompt = promptText(req);
    const file = Object.keys(replies).find((path) => prompt.includes(mark(path)));
    return (file ? replies[file].shift() : undefined) ?? { status: 500, error: `test script: no editor reply left for ${file}` };
  };
}
