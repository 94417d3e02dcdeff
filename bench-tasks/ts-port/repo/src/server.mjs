import { DEFAULT_HOST } from './defaults.mjs';

/** Where the server listens. */
export function address(env) {
  return { host: env.HOST ?? DEFAULT_HOST, port: 3000 };
}
