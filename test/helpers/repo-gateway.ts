import { afterEach, beforeEach } from 'vitest';
import { startFakeGateway, type FakeGateway, type FakeGatewayOptions } from './fake-gateway.js';
import { gitFixture, type GitFixture } from './git-fixture.js';

/** The running test's repository: `root` and `git` reach the fixture made for whichever test runs now. */
export type TestRepo = Pick<GitFixture, 'root' | 'git'>;

/** Starts a fake gateway that is closed when the test ends, however it ends. */
export type StartGateway = (options?: FakeGatewayOptions) => Promise<FakeGateway>;

/** What `useRepoAndGateway` hands a test file. */
export interface RepoAndGateway {
  /** A fresh repository for every test (read it inside a test or hook, never at load time). */
  repo: TestRepo;
  startGateway: StartGateway;
}

/** The variables that point the built CLI at a fake gateway, with a key for it. */
export function cliEnv(gateway: FakeGateway): Record<string, string> {
  return { TANDEM_BASE_URL: gateway.url, TANDEM_API_KEY: 'test-key' };
}

/** Registers an afterEach that closes every gateway the returned function started during the test. */
export function useGateways(): StartGateway {
  const open: FakeGateway[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((gateway) => gateway.close()));
  });
  return async (options) => {
    const gateway = await startFakeGateway(options);
    open.push(gateway);
    return gateway;
  };
}

/** Registers hooks that make a git fixture of `files` before each test and remove it after. */
export function useRepo(files: Record<string, string> = {}): TestRepo {
  let current: GitFixture | undefined;
  beforeEach(async () => {
    current = await gitFixture(files);
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  const fixture = (): GitFixture => {
    if (!current) throw new Error('the test repository exists only while a test runs');
    return current;
  };
  return {
    get root() {
      return fixture().root;
    },
    git: (...args) => fixture().git(...args),
  };
}

/**
 * The hooks every end-to-end file needs: a git fixture of `files` made before each test, and after
 * it every gateway the test started closed, then the fixture removed.
 */
export function useRepoAndGateway(files: Record<string, string> = {}): RepoAndGateway {
  // Registered after the repository's hooks, so the gateways close first (vitest runs afterEach hooks in reverse).
  const repo = useRepo(files);
  return { repo, startGateway: useGateways() };
}
