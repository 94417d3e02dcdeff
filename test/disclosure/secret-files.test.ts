import { describe, expect, it } from 'vitest';
import { isSecretPath } from '../../src/disclosure/secret-files.js';

describe('isSecretPath', () => {
  it.each([
    '.env',
    'app/.env.production',
    'deploy/prod.env',
    'certs/server.pem',
    'keys/signing.key',
    'store.p12',
    'id_rsa',
    'home/.ssh/id_ed25519.pub',
    '.npmrc',
    '.git-credentials',
    '.aws/credentials',
    '.docker/config.json',
    'credentials.json',
    'client_secret_1234.apps.googleusercontent.com.json',
    'terraform.tfstate',
    'prod.tfvars',
    'config/secrets.yml',
    '.kube/config',
  ])('withholds %s', (path) => {
    expect(isSecretPath(path)).toBe(true);
  });

  it.each(['.env.example', 'app/.env.sample', 'src/env.ts', 'src/keys.ts', 'docs/credentials.md', 'config/settings.json', 'environment.yml', 'keyboard.ts'])('allows %s', (path) => {
    expect(isSecretPath(path)).toBe(false);
  });
});
