import { describe, expect, it } from 'vitest';
import { findSecrets, Redactor } from '../../src/privacy/redact.js';
import { identifierWords } from '../../src/context/words.js';
import { entropy, looksLikeSecretValue, secretNameKind } from '../../src/privacy/secret-patterns.js';

// Test values are assembled from parts so no scanner mistakes this file for a leak.
const AWS_ID = 'AKIA' + 'Z7QW3RTY8UIOPASD';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYzq9W8rT6Lm';
const GH = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const PEM = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA7v1x', 'q2Zr9Yb0Tq3x', '-----END RSA PRIVATE KEY-----'].join('\n');

const redact = (text: string) => new Redactor().redact(text);

describe('Redactor.redact', () => {
  it.each([
    ['an AWS access key id', `const id = "${AWS_ID}";`, 'const id = "[REDACTED:aws-access-key]";'],
    ['an AWS secret key', `aws_secret_access_key = ${AWS_SECRET}`, 'aws_secret_access_key = [REDACTED:aws-secret-key]'],
    ['a private key block', `key:\n${PEM}\nafter`, 'key:\n[REDACTED:private-key]\nafter'],
    ['a JSON-escaped key', `{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEv\\n-----END PRIVATE KEY-----\\n"}`, '{"private_key": "[REDACTED:private-key]\\n"}'],
    ['a GCP API key', `key=AIza${'SyD4xY7k2LmN9pQ3rS6tU8vW0xY1zA2bC3d'}`, 'key=[REDACTED:gcp-api-key]'],
    ['an Azure storage key', `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${'a'.repeat(43)}${'B'.repeat(43)}==;`, 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=[REDACTED:azure-storage-key];'],
    ['a GitHub token', `token: ${GH}`, 'token: [REDACTED:github-token]'],
    ['a GitLab token', `glpat-${'x1Y2z3A4b5C6d7E8f9G0'}`, '[REDACTED:gitlab-token]'],
    ['a Slack token', `xoxb-${'1234567890-abcdefABCDEF'}`, '[REDACTED:slack-token]'],
    ['a Stripe key', `Stripe("sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}")`, 'Stripe("[REDACTED:stripe-key]")'],
    ['an Anthropic key', `ANTHROPIC=sk-ant-api03-${'Q'.repeat(10)}${'w1'.repeat(20)}`, 'ANTHROPIC=[REDACTED:anthropic-key]'],
    ['an OpenAI key', `OPENAI_API_KEY=sk-proj-${'Ab3'.repeat(12)}`, 'OPENAI_API_KEY=[REDACTED:openai-key]'],
    ['a JWT', `Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'}`, 'Bearer [REDACTED:jwt]'],
    ['a password in a URL', 'postgres://admin:Sup3rS3cret@db:5432/app', 'postgres://admin:[REDACTED:url-password]@db:5432/app'],
    ['a quoted password', `const dbPassword = "Tr0ub4dor&3x";`, 'const dbPassword = "[REDACTED:password]";'],
    ['a bare env secret', 'SESSION_SECRET=9f8e7d6c5b4a3f2e1d0c', 'SESSION_SECRET=[REDACTED:secret]'],
    ['a YAML api key', 'api_key: 4b9c1e7f2a8d3e6c', 'api_key: [REDACTED:api-key]'],
    ['a JSON token', '{"authToken": "q8Zr2LmX0vTp4WsY"}', '{"authToken": "[REDACTED:token]"}'],
  ])('replaces %s', (_, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    ['a type annotation', 'interface Login { password: string; token: Token }'],
    ['a reference to the environment', 'const apiKey = process.env.API_KEY;'],
    ['a call', 'const token = await createToken(user, 3600);'],
    ['a placeholder', 'PASSWORD=<your-password>\nAPI_KEY=${API_KEY}\nsecret: changeme'],
    ['a short value', 'password = "abc123"'],
    ['ordinary code', 'export function add(a: number, b: number): number {\n  return a + b;\n}\n'],
    ['a word that only contains a secret word', 'const tokenizer = "cl100k_base_2024";'],
    ['a prose value', 'message: "Please enter your password again"'],
  ])('leaves %s alone', (_, input) => {
    expect(redact(input)).toBe(input);
  });

  it('gives each distinct value its own placeholder and reuses it for repeats', () => {
    const other = 'AKIA' + 'Q1W2E3R4T5Y6U7I8';
    const redactor = new Redactor();
    expect(redactor.redact(`${AWS_ID} ${other} ${AWS_ID}`)).toBe('[REDACTED:aws-access-key] [REDACTED:aws-access-key-2] [REDACTED:aws-access-key]');
    expect(Object.fromEntries(redactor.counts)).toEqual({ 'aws-access-key': 3 });
    expect(redactor.total).toBe(3);
  });

  it('restores the real values in an answer, leaving unknown placeholders as they are', () => {
    const redactor = new Redactor();
    const sent = redactor.redact(`const id = "${AWS_ID}";\n`);
    expect(sent).toBe('const id = "[REDACTED:aws-access-key]";\n');
    expect(redactor.restore('<<<<<<< SEARCH\nconst id = "[REDACTED:aws-access-key]";\n[REDACTED:jwt]')).toBe(`<<<<<<< SEARCH\nconst id = "${AWS_ID}";\n[REDACTED:jwt]`);
  });

  it('keeps the earlier pattern where two overlap', () => {
    expect(findSecrets(`aws_secret_key = "${AWS_SECRET}"`).map((h) => h.kind)).toEqual(['aws-secret-key']);
  });
});

describe('secret names and values', () => {
  it('splits identifiers into words', () => {
    expect(identifierWords('stripeSecretKey')).toEqual(['stripe', 'secret', 'key']);
    expect(identifierWords('DB_PASSWORD')).toEqual(['db', 'password']);
    expect(identifierWords('x.auth-token')).toEqual(['x', 'auth', 'token']);
    expect(identifierWords('HTTPServer2Go')).toEqual(['http', 'server2', 'go']);
    expect(identifierWords('src/v2/parseJSONBody.ts')).toEqual(['src', 'v2', 'parse', 'json', 'body', 'ts']);
  });

  it('names the kind of a secret-holding name', () => {
    expect(['DB_PASSWORD', 'apiKey', 'client_secret', 'accessToken', 'aws_credentials', 'privateKey', 'tokenizer', 'keyboard', 'author'].map(secretNameKind)).toEqual([
      'password',
      'api-key',
      'secret',
      'token',
      'credential',
      'credential',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('measures entropy in bits per character', () => {
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abcd')).toBe(2);
  });

  it('wants letters and digits in a bare value', () => {
    expect(looksLikeSecretValue('abcdefghijkl', false)).toBe(false);
    expect(looksLikeSecretValue('abcdefghijkl', true)).toBe(true);
    expect(looksLikeSecretValue('a1b2c3d4e5f6', false)).toBe(true);
  });
});
