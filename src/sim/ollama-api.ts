import type { CapturedRequest, FakeOllama } from './types.js';

/** A JSON answer: status and body. */
export interface JsonAnswer {
  status: number;
  body: unknown;
}

/**
 * Ollama's native API as the fake serves it: `GET /api/version` (how tools tell an Ollama host) and
 * `POST /api/show` with the model's trained context length and, when set, its `num_ctx` parameter,
 * and `POST /api/generate` without a prompt (a model load).
 * Undefined for any other path.
 */
export function ollamaAnswer(req: CapturedRequest, ollama: FakeOllama | undefined): JsonAnswer | undefined {
  const key = `${req.method} ${req.path}`;
  if (key === 'GET /api/version' && ollama) return { status: 200, body: { version: '0.12.0' } };
  if (key === 'POST /api/generate' && ollama) {
    // Without a prompt, Ollama only loads the model (and keeps it for keep_alive): an empty, finished answer.
    const model = typeof req.body?.model === 'string' ? req.body.model : '';
    if (ollama.models && !ollama.models.includes(model)) return { status: 404, body: { error: `model '${model}' not found` } };
    return { status: 200, body: { model, created_at: new Date(req.time).toISOString(), response: '', done: true, done_reason: 'load' } };
  }
  if (key !== 'POST /api/show') return undefined;
  const model = typeof req.body?.model === 'string' ? req.body.model : '';
  if (!ollama || (ollama.models && !ollama.models.includes(model))) return { status: 404, body: { error: `model '${model}' not found` } };
  const numCtx = ollama.numCtx === undefined ? ollama.contextLength : ollama.numCtx;
  return {
    status: 200,
    body: {
      model_info: { 'general.architecture': 'qwen2', 'qwen2.context_length': ollama.contextLength },
      // Ollama pads parameter names to a column; tools must not rely on single spaces.
      parameters: numCtx === null ? 'stop                           "<|im_end|>"' : `num_ctx                        ${numCtx}\nstop                           "<|im_end|>"`,
    },
  };
}
