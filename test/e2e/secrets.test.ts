import { mkdtemp, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned, type ScriptedReply } from '../helpers/fake-gateway.js';
import { useRepoAndGateway } from '../helpers/repo-gateway.js';

// Planted secrets, assembled from parts so no scanner takes this test file for a leak.
const AWS_KEY = 'AKIA' + 'R4T7Y2U9I3O6P1A5';
const GITHUB = 'ghp_' + 'Pl4nt3dGitHubT0ken0123456789abcdefAB';
const SLACK = 'xoxb-' + '1234567890-PLANTEDslack0token';
const OPENAI = 'sk-proj-' + 'PLANTEDopenai0KEY0123456789abcd';
const STRIPE = 'sk_live_' + 'PLANTEDstripe0key0123456';
const GOOGLE = 'AIza' + 'SyPLANTEDgoogle0key0123456789abcdef';
const DB_PASSWORD = 'Db-pa55' + '-PLANTED-w0rd';
// Names that match no pattern: caught only because of the variables that hold them.
const GATEWAY_KEY = 'gwcred-' + 'PLANTED-gateway-0042';
const SERVICE_TOKEN = 'plain' + 'PLANTEDservice77';
const SECRETS = { AWS_KEY, GITHUB, SLACK, OPENAI, STRIPE, GOOGLE, DB_PASSWORD, GATEWAY_KEY, SERVICE_TOKEN };

const MATH = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
// A failing "test suite" that dumps the config file, the environment and a stack trace with a key.
const CHECK = `import { readFileSync } from 'node:fs';
console.log('loaded config:', readFileSync('config/app.json', 'utf8'));
for (const name of ['GITHUB_TOKEN', 'DB_PASSWORD', 'OPENAI_API_KEY', 'MY_GATEWAY_CRED', 'CUSTOM_SERVICE_TOKEN']) console.log(name + '=' + process.env[name]);
console.error('Error: request to https://api.example.com/v1?key=' + process.env.MY_GATEWAY_CRED + ' failed');
console.error('    at upload (s3.js:12) with ${AWS_KEY}');
process.exit(1);
`;
const FILES = {
  'src/math.ts': MATH,
  'check.mjs': CHECK,
  'src/aws.ts': `export const ACCESS_KEY_ID = "${AWS_KEY}";\nexport const STRIPE_KEY = '${STRIPE}';\n\nexport function bucket(name: string): string {\n  return name;\n}\n`,
  'config/app.json': `${JSON.stringify({ stripe: STRIPE, slack: SLACK, maps: GOOGLE }, null, 2)}\n`,
  // The key variable has a name no rule knows: only the config names it.
  'tandem.config.json': `${JSON.stringify({ gateway: { apiKeyEnv: 'MY_GATEWAY_CRED' } })}\n`,
};
const ENV = {
  MY_GATEWAY_CRED: GATEWAY_KEY,
  GITHUB_TOKEN: GITHUB,
  DB_PASSWORD,
  OPENAI_API_KEY: OPENAI,
  CUSTOM_SERVICE_TOKEN: SERVICE_TOKEN,
};

const subtract = `src/math.ts\n<<<<<<< SEARCH\n${MATH.trimEnd()}\n=======\n${MATH.trimEnd()}\n\nexport function subtract(a: number, b: number): number {\n  return a - b;\n}\n>>>>>>> REPLACE\n`;
// The architect echoes a key into a step title, as a local architect that saw the raw files might.
const PLAN = { summary: 'Add subtract.', steps: [{ title: `Add subtract (not ${STRIPE})`, file: 'src/math.ts', action: 'edit', instructions: 'Add subtract(a, b) below add.', depends_on: [] }] };
const architectPlan: ScriptedReply = { text: JSON.stringify(PLAN), promptTokens: 1000, completionTokens: 200, provider: 'anthropic' };
// The fix-up call fails with a gateway error body that echoes the key and a password.
const gatewayError: ScriptedReply = { status: 400, error: `invalid request: bad key ${GATEWAY_KEY} for account with password=${DB_PASSWORD}` };

const { repo, startGateway } = useRepoAndGateway(FILES);
let out: string;

beforeEach(async () => {
  out = await realpath(await mkdtemp(join(tmpdir(), 'tandem-secrets-out-')));
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

/** Every file under `dir`, recursively, with its content. */
async function filesUnder(dir: string): Promise<Array<{ path: string; text: string }>> {
  const found: Array<{ path: string; text: string }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.push({ path, text: await readFile(path, 'utf8') });
  }
  return found;
}

/** Names of the planted secrets that occur in `text`. */
function leaks(text: string): string[] {
  return Object.entries(SECRETS)
    .filter(([, value]) => text.includes(value))
    .map(([name]) => name);
}

describe('no side doors: nothing raw leaves through outputs, files, commits or branch names', () => {
  it('tandem run --ci with a dumping check, GitHub outputs and a failing gateway call writes and prints only placeholders', async () => {
    const gateway = await startGateway({
      apiKey: GATEWAY_KEY,
      routes: [
        { match: matchNotPinned(), replies: [architectPlan, gatewayError] },
        { match: matchProviderPinned(), replies: [{ text: subtract, promptTokens: 500, completionTokens: 100, provider: '_tandem_local_router' }] },
      ],
    });
    const stepSummary = join(out, 'step-summary.md');
    const githubOutput = join(out, 'github-output.txt');
    const result: CliResult = await runCli(
      ['run', '--ci', `${AWS_KEY} must be rotated: add subtract to src/math.ts`, '--check', 'node check.mjs', '--fix-rounds', '1', '--summary', join(out, 'summary.md'), '--report', join(out, 'report.json')],
      {
        cwd: repo.root,
        env: { ...ENV, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: stepSummary, GITHUB_OUTPUT: githubOutput, TANDEM_BASE_URL: gateway.url, GIT_CONFIG_NOSYSTEM: '1' },
      },
    );
    // The check never passed and the fix-up call was refused by the gateway: the gateway's exit code.
    expect(result.exitCode, result.stderr).toBe(4);
    // The gateway saw the key in the header only: the run did reach it with the config-named key.
    expect(gateway.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(3);

    const state = await filesUnder(join(repo.root, '.tandem'));
    const checkLogs = state.filter((f) => relative(repo.root, f.path).startsWith('.tandem/checks/'));
    const written = [...state.filter((f) => !checkLogs.includes(f)), ...(await filesUnder(out))];
    expect(written.map((f) => relative(repo.root, f.path))).toEqual(expect.arrayContaining(['.tandem/activity.jsonl', '.tandem/egress.jsonl']));
    expect(written.some((f) => f.path.endsWith('.json') && f.path.includes('/plans/'))).toBe(true);
    for (const file of written) expect({ file: file.path, leaks: leaks(file.text) }).toEqual({ file: file.path, leaks: [] });
    expect({ stdout: leaks(result.stdout), stderr: leaks(result.stderr) }).toEqual({ stdout: [], stderr: [] });

    // Commit messages, trailers and branch names are clean too; the branch is named from the task's words.
    const branches = (await repo.git('branch', '--format=%(refname:short)')).split('\n');
    const log = await repo.git('log', '--all', '--format=%B%n%(trailers)');
    expect(leaks(branches.join('\n') + log)).toEqual([]);
    expect(branches.find((b) => b.startsWith('tandem/'))).toMatch(/^tandem\/must-be-rotated-add-subtract-to-[0-9a-f]{4}$/);
    expect(log).toContain('tandem: Add subtract (not [REDACTED:stripe-key])');

    // What was shown is the guard's placeholders, and the whole output is kept once, raw, in a local owner-only file.
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    const checkOutput: string = report.rounds[0].check.output;
    expect(checkOutput).toContain('GITHUB_TOKEN=[REDACTED:github-token]');
    expect(checkOutput).toContain('"stripe": "[REDACTED:stripe-key]"');
    expect(checkOutput).toContain('MY_GATEWAY_CRED=[REDACTED:');
    expect(checkOutput).toContain('CUSTOM_SERVICE_TOKEN=[REDACTED:token]');
    expect(report.rounds[1].note).toMatch(/^no fix-up plan: .*bad key \[REDACTED:/);
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toContain('[REDACTED:aws-access-key]');
    expect(await readFile(githubOutput, 'utf8')).toMatch(/^branch=tandem\/must-be-rotated-add-subtract-to-[0-9a-f]{4}\nplan-id=.*\napplied=1\nfailed=0\ncheck-passed=false\ncost-usd=.*\nexit-code=4\n$/);
    expect(checkLogs.length).toBeGreaterThanOrEqual(1);
    expect(leaks(checkLogs.map((f) => f.text).join('\n')).sort()).toEqual(['AWS_KEY', 'DB_PASSWORD', 'GATEWAY_KEY', 'GITHUB', 'GOOGLE', 'OPENAI', 'SERVICE_TOKEN', 'SLACK', 'STRIPE']);
    for (const log of checkLogs) expect((await stat(log.path)).mode & 0o777).toBe(0o600);
    expect(await repo.git('status', '--porcelain', '--ignored', '--', '.tandem')).toBe('!! .tandem/');
    expect(report.rounds[0].check.log).toMatch(/^\.tandem\/checks\/.+\.log$/);
  });

  it('a base URL with credentials is refused before any call, and the password is printed nowhere (exit 2)', async () => {
    const gateway = await startGateway({ routes: [] });
    const url = gateway.url.replace('http://', 'http://tandem:SECRETPASS99@');
    for (const args of [['doctor'], ['plan', 'add subtract', '--base-url', url]]) {
      const result = await runCli(args, { cwd: repo.root, env: { MY_GATEWAY_CRED: GATEWAY_KEY, ...(args[0] === 'doctor' ? { TANDEM_BASE_URL: url } : {}) } });
      expect(result.exitCode).toBe(2);
      expect(result.stdout + result.stderr).toContain('baseURL: put credentials in the key variable, not the URL');
      expect(result.stdout + result.stderr).not.toContain('SECRETPASS99');
    }
    expect(gateway.requests).toEqual([]);
    const state = await filesUnder(join(repo.root, '.tandem')).catch(() => []);
    expect(state.filter((f) => f.text.includes('SECRETPASS99'))).toEqual([]);
  });
});
