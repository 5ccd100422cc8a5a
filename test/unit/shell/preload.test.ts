import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../electron/contract';
import { BYTES_CHANNELS, IPC_PREFIX, channelFor } from '../../../electron/main/ipc';

// The preload's only runtime import, mocked: what it exposes is recorded, invoke is a spy.
const { exposed, invoke } = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoke: vi.fn() }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args), on: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}));

type Api = Record<string, (input: unknown) => Promise<unknown>>;
let api: Api;
let preload: typeof import('../../../electron/preload/preload');

beforeAll(async () => {
  preload = await import('../../../electron/preload/preload');
  api = exposed.get('desk') as Api;
});

beforeEach(() => invoke.mockReset());

describe('preload', () => {
  it('exposes exactly two things: window.desk and window.deskFiles (bytes)', async () => {
    const { contextBridge } = await import('electron');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(2);
    expect([...exposed.keys()]).toEqual(['desk', 'deskFiles']);
  });

  it('deskFiles has three functions that invoke the byte channels of main', async () => {
    const files = exposed.get('deskFiles') as Record<string, (a: unknown, b: unknown) => Promise<unknown>>;
    expect(Object.keys(files).sort()).toEqual(['exportRegister', 'importPackage', 'upload']);
    const bytes = new ArrayBuffer(3);
    invoke.mockResolvedValue({ ok: true });
    await files.upload!('a.pdf', bytes);
    await files.importPackage!('p.zip', bytes);
    await files.exportRegister!({ year: 2026 }, 'xlsx');
    expect(invoke.mock.calls).toEqual([
      [BYTES_CHANNELS.upload, 'a.pdf', bytes],
      [BYTES_CHANNELS.importPackage, 'p.zip', bytes],
      [BYTES_CHANNELS.exportRegister, { year: 2026 }, 'xlsx'],
    ]);
  });

  it('has exactly the contract methods, all functions, nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    // No raw ipcRenderer, no objects that could reach it.
    expect(Object.values(api).some((v) => typeof v === 'object')).toBe(false);
  });

  it.each(METHOD_NAMES)('%s forwards its input to invoke on desk:%s and returns the envelope', async (method) => {
    const envelope = { ok: true, value: { method } };
    invoke.mockResolvedValueOnce(envelope);
    const input = { probe: method };
    await expect(api[method]!(input)).resolves.toBe(envelope);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith(`desk:${method}`, input);
    expect(invoke.mock.calls[0]![0]).toBe(channelFor(method));
  });

  it('uses the same channel prefix as main', () => {
    expect(preload.CHANNEL_PREFIX).toBe(IPC_PREFIX);
  });
});

describe('preload bundle', () => {
  it('is self-contained: requires only electron, carries no zod', async () => {
    // Same options as scripts/build-node.mjs uses for the preload.
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../../electron/preload/preload.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code.match(/require\(["'][^"']+["']\)/g)).toEqual(['require("electron")']);
    expect(code).not.toMatch(/zod|ZodError/);
    expect(code.length).toBeLessThan(10_000);
  });
});
