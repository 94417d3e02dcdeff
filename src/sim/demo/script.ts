import type { CapturedRequest, ScriptedReply } from '../types.js';

const PLAN = {
  summary: 'Validate the email and password of a signup request before any user lookup, answering 400 with the reasons, and document the rule.',
  steps: [
    {
      title: 'Add a signup validator',
      file: 'src/validate.ts',
      action: 'create',
      instructions: 'Create validateSignup(request: { email: unknown; password: unknown }): string[] returning a list of problems: email must be a string containing one "@" with text on both sides; password must be a string of at least 8 characters. Export it.',
      depends_on: [],
    },
    {
      title: 'Reject invalid signups with 400',
      file: 'src/signup.ts',
      action: 'edit',
      instructions: 'Import validateSignup from ./validate.js. At the start of handleSignup, call it on the request; when it returns problems, return { status: 400, body: { errors: problems } } before looking up the user.',
      depends_on: [0],
    },
    {
      title: 'Document the validation rules',
      file: 'README.md',
      action: 'edit',
      instructions: 'Under the API section, add a sentence saying invalid input gets 400 with an "errors" list, and the two rules (valid email, password of 8 or more characters).',
      depends_on: [],
    },
  ],
};

const EDITS: Record<string, string> = {
  'src/validate.ts': `Here is the new file.

\`\`\`ts
export interface SignupInput {
  email: unknown;
  password: unknown;
}

/** Returns what is wrong with a signup request; an empty list means it is valid. */
export function validateSignup(input: SignupInput): string[] {
  const problems: string[] = [];
  if (typeof input.email !== 'string' || !/^[^@\\s]+@[^@\\s]+$/.test(input.email)) {
    problems.push('email must be a valid address');
  }
  if (typeof input.password !== 'string' || input.password.length < 8) {
    problems.push('password must be at least 8 characters');
  }
  return problems;
}
\`\`\`
`,
  'src/signup.ts': `<think>The handler must validate first, then look up the user.</think>
src/signup.ts
<<<<<<< SEARCH
import { createUser, findUserByEmail } from './users.js';
=======
import { createUser, findUserByEmail } from './users.js';
import { validateSignup } from './validate.js';
>>>>>>> REPLACE

src/signup.ts
<<<<<<< SEARCH
export async function handleSignup(request: SignupRequest): Promise<Response> {
  const existing = await findUserByEmail(request.email);
=======
export async function handleSignup(request: SignupRequest): Promise<Response> {
  const problems = validateSignup(request);
  if (problems.length > 0) {
    return { status: 400, body: { errors: problems } };
  }
  const existing = await findUserByEmail(request.email);
>>>>>>> REPLACE
`,
  'README.md': `README.md
<<<<<<< SEARCH
\`POST /signup\` with \`{ "email": "...", "password": "..." }\` creates an account.
=======
\`POST /signup\` with \`{ "email": "...", "password": "..." }\` creates an account.

Invalid input is answered with \`400\` and an \`errors\` list: the email must be a valid
address and the password must be at least 8 characters long.
>>>>>>> REPLACE
`,
};

function lastUserMessage(req: CapturedRequest): string {
  const messages = req.body?.messages ?? [];
  const last = [...messages].reverse().find((m) => m.role === 'user');
  return typeof last?.content === 'string' ? last.content : '';
}

/**
 * The demo's scripted gateway: the architect answers with a plan, the local editor with the edit for
 * whichever file its prompt is about. Delays imitate a cloud model and a local 7B model; `fast` drops them.
 */
export function demoReply(fast: boolean) {
  return (req: CapturedRequest): ScriptedReply => {
    const pinned = Array.isArray(req.body?.provider?.only);
    const pace = (delayMs: number, chunkDelayMs: number) => (fast ? {} : { delayMs, chunkDelayMs });
    if (!pinned) {
      return { text: `\`\`\`json\n${JSON.stringify(PLAN, null, 2)}\n\`\`\``, provider: 'anthropic', chunks: 40, ...pace(700, 25) };
    }
    const prompt = lastUserMessage(req);
    const file = Object.keys(EDITS).find((path) => prompt.includes(path));
    if (!file) return { status: 400, error: 'simulated editor: the prompt names no file of the demo plan' };
    return { text: EDITS[file], provider: '_tandem_local_router', chunks: 30, ...pace(300, 30) };
  };
}
