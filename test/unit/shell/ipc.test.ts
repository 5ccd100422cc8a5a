import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, dispatch, type DeskImpl, type MethodName, type Result } from '../../../electron/contract';
import {
  BYTES_CHANNELS,
  FORBIDDEN_RESULT,
  channelFor,
  makeIpcHandler,
  makeSenderCheck,
  registerBytesHandlers,
  registerIpcHandlers,
  type SenderEventLike,
} from '../../../electron/main/ipc';

/** A tiny fake desk: every method records its (parsed) input and answers ok. Enough to test the door, not the desk. */
function fakeDesk() {
  const calls: Array<[string, unknown]> = [];
  const desk = Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      vi.fn(async (input: unknown): Promise<Result<unknown>> => {
        calls.push([m, input]);
        return { ok: true, value: { method: m } };
      }),
    ]),
  ) as unknown as DeskImpl;
  // The door hands calls to a DeskCall (in the app: the gate); here straight to dispatch over the fake desk.
  const call = (m: MethodName, input: unknown) => dispatch(desk, m, input);
  return { desk, call, calls };
}

const DESK_WINDOW_ID = 1;
const trusted = (over: Partial<{ url: string; parent: unknown; id: number; frame: null }> = {}): SenderEventLike => ({
  sender: { id: over.id ?? DESK_WINDOW_ID },
  senderFrame: over.frame === null ? null : { url: over.url ?? 'app://desk/#/intake', parent: over.parent ?? null },
});
const check = makeSenderCheck((id) => id === DESK_WINDOW_ID);

describe('sender check', () => {
  it('trusts the main frame of a desk window showing app://desk', () => {
    expect(check(trusted())).toBe(true);
    expect(check(trusted({ url: 'app://desk/' }))).toBe(true);
  });

  it.each([
    ['no sender frame (navigated away or destroyed)', trusted({ frame: null })],
    ['a sub-frame', trusted({ parent: {} })],
    ['a foreign page in our window', trusted({ url: 'https://example.invalid/' })],
    ['a file:// page', trusted({ url: 'file:///etc/passwd' })],
    ['another app:// host', trusted({ url: 'app://evil/' })],
    ['a look-alike host', trusted({ url: 'app://desk.evil/' })],
    ['a data: URL', trusted({ url: 'data:text/html,<p>x' })],
    ['a window we did not create (the print window, devtools…)', trusted({ id: 2 })],
  ])('refuses %s', (_label, event) => {
    expect(check(event)).toBe(false);
  });

  it('refuses when reading the frame throws (frame disposed mid-call)', () => {
    const event = {
      sender: { id: DESK_WINDOW_ID },
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(check(event)).toBe(false);
  });
});

describe('makeIpcHandler', () => {
  it('refuses an untrusted sender with a FORBIDDEN envelope and never reaches the desk', async () => {
    const { call, calls } = fakeDesk();
    const handler = makeIpcHandler(call, 'getSetup', check);
    const result = await handler(trusted({ url: 'https://example.invalid/' }), {});
    expect(result).toEqual(FORBIDDEN_RESULT);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('FORBIDDEN');
      expect(result.error.message).toMatch(/từ chối/);
    }
    expect(calls).toEqual([]);
  });

  it('dispatches a trusted call to the desk with the parsed input', async () => {
    const { call, calls } = fakeDesk();
    const result = await makeIpcHandler(call, 'getDossier', check)(trusted(), { id: 42 });
    expect(result).toEqual({ ok: true, value: { method: 'getDossier' } });
    expect(calls).toEqual([['getDossier', { id: 42 }]]);
  });

  it('validates input with the contract before the desk sees it', async () => {
    const { call, calls } = fakeDesk();
    const result = await makeIpcHandler(call, 'getDossier', check)(trusted(), { id: 'DROP TABLE' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    expect(calls).toEqual([]);
  });

  it('treats a missing input as {} (methods without parameters)', async () => {
    const { call, calls } = fakeDesk();
    const result = await makeIpcHandler(call, 'queueCounts', check)(trusted(), undefined);
    expect(result.ok).toBe(true);
    expect(calls).toEqual([['queueCounts', {}]]);
  });

  it('turns a throwing desk into an INTERNAL envelope, never a throw across the door', async () => {
    const { desk, call } = fakeDesk();
    (desk.getSetup as unknown as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('disk on fire'));
    const result = await makeIpcHandler(call, 'getSetup', check)(trusted(), {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
  });
});

describe('registerIpcHandlers', () => {
  it('registers one desk:<method> handler per contract method, and removes them again', async () => {
    const handlers = new Map<string, (event: SenderEventLike, ...args: unknown[]) => unknown>();
    const ipc = {
      handle: vi.fn((channel: string, listener: (event: SenderEventLike, ...args: unknown[]) => unknown) => {
        handlers.set(channel, listener);
      }),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    };
    const { call, calls } = fakeDesk();
    const unregister = registerIpcHandlers(ipc, call, check);
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `desk:${m}`).sort());
    expect(METHOD_NAMES.map(channelFor).sort()).toEqual([...handlers.keys()].sort());

    await expect(handlers.get('desk:listProcedures')!(trusted(), {})).resolves.toEqual({ ok: true, value: { method: 'listProcedures' } });
    await expect(handlers.get('desk:listProcedures')!(trusted({ id: 9 }), {})).resolves.toEqual(FORBIDDEN_RESULT);
    expect(calls).toEqual([['listProcedures', {}]]);

    unregister();
    expect(handlers.size).toBe(0);
    expect(ipc.removeHandler).toHaveBeenCalledTimes(METHOD_NAMES.length);
  });
});

describe('registerBytesHandlers: the register export', () => {
  const setUp = (result: Result<{ rows: number }>, target: string | null) => {
    const handlers = new Map<string, (event: SenderEventLike, ...args: unknown[]) => unknown>();
    const ipc = {
      handle: (channel: string, listener: (event: SenderEventLike, ...args: unknown[]) => unknown) => void handlers.set(channel, listener),
      removeHandler: (channel: string) => void handlers.delete(channel),
    };
    const exportRegister = vi.fn(async (_query: unknown, _format: 'xlsx' | 'pdf', out: NodeJS.WritableStream) => {
      out.write('PK\x03\x04');
      if (result.ok) out.end();
      return result;
    });
    const desk = { ingestFile: vi.fn(), importPackageFrom: vi.fn(), exportRegister };
    const saveAs = vi.fn(async () => target);
    registerBytesHandlers(ipc, desk, check, saveAs);
    return { run: (event: SenderEventLike, ...args: unknown[]) => handlers.get(BYTES_CHANNELS.exportRegister)!(event, ...args), exportRegister, saveAs };
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-ipc-'));

  it('streams the register into the file chosen in the save dialog', async () => {
    const file = path.join(dir, 'so.xlsx');
    const t = setUp({ ok: true, value: { rows: 3 } }, file);
    await expect(t.run(trusted(), { year: 2026 }, 'xlsx')).resolves.toEqual({ ok: true, value: { rows: 3, path: file } });
    expect(t.saveAs).toHaveBeenCalledWith('so-theo-doi-ho-so-2026.xlsx', 'xlsx');
    expect(fs.readFileSync(file, 'latin1')).toBe('PK\x03\x04');
  });

  it('writes nothing when the officer cancels, and leaves no file when the desk refuses', async () => {
    const cancelled = setUp({ ok: true, value: { rows: 0 } }, null);
    await expect(cancelled.run(trusted(), { year: 2026 }, 'pdf')).resolves.toEqual({ ok: true, value: { cancelled: true } });
    expect(cancelled.exportRegister).not.toHaveBeenCalled();

    const file = path.join(dir, 'hong.pdf');
    const refusal = { ok: false as const, error: { code: 'VALIDATION' as const, message: 'Ngày bắt đầu phải trước ngày kết thúc' } };
    const refused = setUp(refusal, file);
    await expect(refused.run(trusted(), { year: 2026, from: '2026-12-01', to: '2026-11-01' }, 'pdf')).resolves.toEqual(refusal);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses an untrusted sender and an unknown format before asking anything', async () => {
    const t = setUp({ ok: true, value: { rows: 1 } }, path.join(dir, 'x.xlsx'));
    await expect(t.run(trusted({ id: 9 }), { year: 2026 }, 'xlsx')).resolves.toEqual(FORBIDDEN_RESULT);
    await expect(t.run(trusted(), { year: 2026 }, 'exe')).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.saveAs).not.toHaveBeenCalled();
  });
});

describe('registerBytesHandlers: an upload', () => {
  it('hands the desk exactly the bytes of a view, not the larger buffer behind it', async () => {
    const handlers = new Map<string, (event: SenderEventLike, ...args: unknown[]) => unknown>();
    const ipc = {
      handle: (channel: string, listener: (event: SenderEventLike, ...args: unknown[]) => unknown) => void handlers.set(channel, listener),
      removeHandler: (channel: string) => void handlers.delete(channel),
    };
    const ingestFile = vi.fn(async (_name: string, bytes: Buffer) => ({ ok: true as const, value: { size: bytes.length } }));
    registerBytesHandlers(ipc, { ingestFile, importPackageFrom: vi.fn(), exportRegister: vi.fn() }, check);
    const whole = Buffer.from('xxxx%PDF-1.7 body%%EOFyyyy', 'latin1');
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 4, whole.length - 8);
    await expect(handlers.get(BYTES_CHANNELS.upload)!(trusted(), 'to-khai.pdf', view)).resolves.toEqual({ ok: true, value: { size: whole.length - 8 } });
    expect(ingestFile.mock.calls[0]![1].toString('latin1')).toBe('%PDF-1.7 body%%EOF');
  });
});
