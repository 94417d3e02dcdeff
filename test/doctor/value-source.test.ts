import { describe, expect, it } from 'vitest';
import { reachCheck } from '../../src/doctor/model-checks.js';
import { isLoopbackUrl, isTunnelUrl } from '../../src/doctor/value-source.js';
import { resolveConfig } from '../../src/config/load.js';

const role = (baseURL: string) => resolveConfig({ gateway: { baseURL } }, {}).architect;
const down = { kind: 'unreachable', error: 'ECONNREFUSED' } as const;

describe('reach fixes', () => {
  it('tells a loopback URL, a tunnel and a remote host apart', () => {
    expect(['http://127.0.0.1:4000/v1', 'http://localhost:4000/v1', 'http://[::1]:11434/v1'].map(isLoopbackUrl)).toEqual([true, true, true]);
    expect(isLoopbackUrl('https://abc.ngrok-free.app/v1')).toBe(false);
    expect(['https://abc.ngrok-free.app/v1', 'https://x.trycloudflare.com/v1', 'https://gw.example.com/v1'].map(isTunnelUrl)).toEqual([true, true, false]);
  });

  it('mentions a tunnel only for a tunnel host, and the network only for a remote one', () => {
    expect(reachCheck(role('https://abc.ngrok-free.app/v1'), down, 'TANDEM_BASE_URL').fix).toBe('start the tunnel (and the server behind it), or fix TANDEM_BASE_URL');
    expect(reachCheck(role('https://gw.example.com/v1'), down, 'the --base-url flag').fix).toBe('check the --base-url flag and the network');
    expect(reachCheck(role('http://127.0.0.1:9/v1'), down, 'the --base-url flag').fix).not.toMatch(/tunnel|network/);
  });
});
