import { describe, expect, it } from 'vitest';
import { parsePoolUrls, withEditorPool } from '../../src/config/editor-pool.js';
import { validateLayer } from '../../src/config/layers.js';
import { presetConfig } from '../../src/config/presets.js';

describe('parsePoolUrls', () => {
  it('takes a comma list of http(s) hosts, trailing slashes dropped', () => {
    expect(parsePoolUrls('http://gpu-1:11434/, http://gpu-2:11434/v1')).toEqual(['http://gpu-1:11434', 'http://gpu-2:11434/v1']);
  });

  it.each([
    ['http://gpu-1:11434', /at least two/],
    ['http://gpu-1:11434,http://gpu-1:11434', /same host twice/],
    ['http://gpu-1:11434,gpu-2', /not a URL/],
    ['http://gpu-1:11434,ftp://gpu-2', /not an http/],
    ['http://gpu-1:11434,http://me:pw@gpu-2:11434', /carries credentials/],
  ])('refuses %s (exit 2)', (list, message) => {
    expect(() => parsePoolUrls(list)).toThrow(message);
    try {
      parsePoolUrls(list);
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(2);
    }
  });
});

describe('withEditorPool', () => {
  const urls = ['http://gpu-1:11434', 'http://gpu-2:11434/v1'];

  it('Portkey: a loadbalance config over every host, replacing the single-host routing headers; the layer validates', () => {
    const { layer, snippet } = withEditorPool('portkey', presetConfig('portkey'), urls);
    expect(snippet).toBeUndefined();
    expect(layer.editor?.pool).toEqual(urls);
    expect(Object.keys(layer.editor?.headers ?? {})).toEqual(['x-portkey-config']);
    expect(JSON.parse(layer.editor!.headers!['x-portkey-config'])).toEqual({
      strategy: { mode: 'loadbalance' },
      targets: [
        { provider: 'openai', api_key: 'ollama', custom_host: 'http://gpu-1:11434/v1', weight: 1 },
        { provider: 'openai', api_key: 'ollama', custom_host: 'http://gpu-2:11434/v1', weight: 1 },
      ],
    });
    expect(validateLayer(layer, 'test').editor?.pool).toEqual(urls);
  });

  it("LiteLLM: the pool in the layer and a model_list with one deployment per host under the editor's model name", () => {
    const { layer, snippet } = withEditorPool('litellm', presetConfig('litellm'), urls);
    expect(layer.editor?.pool).toEqual(urls);
    expect(snippet).toContain('model_list:\n  - model_name: tandem-editor\n');
    expect(snippet?.match(/api_base: (\S+)/g)).toEqual(['api_base: http://gpu-1:11434', 'api_base: http://gpu-2:11434']);
  });

  it.each(['fastrouter', 'openrouter', 'ollama', 'direct'] as const)('%s: refused with what to do instead', (gateway) => {
    expect(() => withEditorPool(gateway, presetConfig(gateway), urls)).toThrow(/works with --gateway portkey or litellm/);
  });
});
