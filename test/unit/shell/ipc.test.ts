import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type DeskImpl, type Result } from '../../../electron/contract';
import {
  FORBIDDEN_RESULT,
  channelFor,
  makeIpcHandler,
  makeSenderCheck,
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
  return { desk, calls };
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
    const { desk, calls } = fakeDesk();
    const handler = makeIpcHandler(desk, 'getSetup', check);
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
    const { desk, calls } = fakeDesk();
    const result = await makeIpcHandler(desk, 'getDossier', check)(trusted(), { id: 42 });
    expect(result).toEqual({ ok: true, value: { method: 'getDossier' } });
    expect(calls).toEqual([['getDossier', { id: 42 }]]);
  });

  it('validates input with the contract before the desk sees it', async () => {
    const { desk, calls } = fakeDesk();
    const result = await makeIpcHandler(desk, 'getDossier', check)(trusted(), { id: 'DROP TABLE' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    expect(calls).toEqual([]);
  });

  it('treats a missing input as {} (methods without parameters)', async () => {
    const { desk, calls } = fakeDesk();
    const result = await makeIpcHandler(desk, 'queueCounts', check)(trusted(), undefined);
    expect(result.ok).toBe(true);
    expect(calls).toEqual([['queueCounts', {}]]);
  });

  it('turns a throwing desk into an INTERNAL envelope, never a throw across the door', async () => {
    const { desk } = fakeDesk();
    (desk.getSetup as unknown as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('disk on fire'));
    const result = await makeIpcHandler(desk, 'getSetup', check)(trusted(), {});
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
    const { desk, calls } = fakeDesk();
    const unregister = registerIpcHandlers(ipc, desk, check);
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
