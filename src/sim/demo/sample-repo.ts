/** The sample repository `tandem demo` works on: a tiny signup service. */
export const SAMPLE_FILES: Record<string, string> = {
  'package.json': `{
  "name": "signup-service",
  "version": "1.0.0",
  "type": "module",
  "scripts": { "test": "node --test" }
}
`,
  'README.md': `# signup-service

A tiny HTTP handler that creates user accounts.

## API

\`POST /signup\` with \`{ "email": "...", "password": "..." }\` creates an account.
`,
  'src/signup.ts': `import { createUser, findUserByEmail } from './users.js';

export interface SignupRequest {
  email: string;
  password: string;
}

export interface Response {
  status: number;
  body: unknown;
}

export async function handleSignup(request: SignupRequest): Promise<Response> {
  const existing = await findUserByEmail(request.email);
  if (existing) {
    return { status: 409, body: { error: 'email already registered' } };
  }
  const user = await createUser(request.email, request.password);
  return { status: 201, body: { id: user.id } };
}
`,
  'src/users.ts': `export interface User {
  id: number;
  email: string;
  passwordHash: string;
}

const users: User[] = [];

export async function findUserByEmail(email: string): Promise<User | undefined> {
  return users.find((user) => user.email === email);
}

export async function createUser(email: string, password: string): Promise<User> {
  const user = { id: users.length + 1, email, passwordHash: \`hashed:\${password}\` };
  users.push(user);
  return user;
}
`,
};

/** The task the demo gives the architect. */
export const DEMO_TASK = 'add input validation to the signup handler';
