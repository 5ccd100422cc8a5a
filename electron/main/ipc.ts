/**
 * IPC registration: one `ipcMain.handle('desk:<method>')` per contract method. Pure apart from the ipcMain-like object
 * it is given, so the handler, the sender check and the registration are unit-tested without Electron.
 */
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { dispatch, METHOD_NAMES, type DeskImpl, type MethodName, type Result } from '../contract';
import { registerFileName } from '../services/register';
import { isDeskUrl } from './urls';

/** The channel of a contract method. The preload builds the same string (a unit test keeps them equal). */
export const IPC_PREFIX = 'desk:';
export const channelFor = (method: MethodName): string => `${IPC_PREFIX}${method}`;

/** The parts of an IpcMainInvokeEvent the check reads (the real event has them with these types). */
export interface SenderEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export type SenderCheck = (event: SenderEventLike) => boolean;

export const FORBIDDEN_RESULT: Result<never> = Object.freeze({
  ok: false as const,
  error: Object.freeze({ code: 'FORBIDDEN' as const, message: 'Yêu cầu không đến từ cửa sổ của bàn một cửa nên bị từ chối.' }),
});

/**
 * A sender is trusted when its frame still exists, is a main frame (no parent), shows a page of app://desk, and
 * belongs to one of the desk windows we created (`isDeskWindow(webContentsId)`). Anything unexpected (a frame
 * disposed mid-call throws on access) counts as untrusted.
 */
export function makeSenderCheck(isDeskWindow: (webContentsId: number) => boolean): SenderCheck {
  return (event) => {
    try {
      const frame = event.senderFrame;
      if (!frame) return false;
      if (frame.parent !== null) return false;
      if (!isDeskUrl(frame.url)) return false;
      return isDeskWindow(event.sender.id);
    } catch {
      return false;
    }
  };
}

/** The handler of one method: refuse an untrusted sender, else validate and call the desk through `dispatch`. */
export function makeIpcHandler(
  desk: DeskImpl,
  method: MethodName,
  isTrustedSender: SenderCheck,
): (event: SenderEventLike, input?: unknown) => Promise<Result<unknown>> {
  return async (event, input) => {
    if (!isTrustedSender(event)) return FORBIDDEN_RESULT;
    return dispatch(desk, method, input);
  };
}

/** The subset of ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Registers every contract method; returns a function that removes them again. */
export function registerIpcHandlers(ipc: IpcMainLike, desk: DeskImpl, isTrustedSender: SenderCheck): () => void {
  for (const method of METHOD_NAMES) {
    const handler = makeIpcHandler(desk, method, isTrustedSender);
    ipc.handle(channelFor(method), (event: SenderEventLike, input?: unknown) => handler(event, input));
  }
  return () => {
    for (const method of METHOD_NAMES) ipc.removeHandler(channelFor(method));
  };
}

/** Bytes cross IPC on two channels of their own (the contract is JSON): a scan for the inbox, an online package. */
export const BYTES_CHANNELS = {
  upload: 'desk-files:upload',
  importPackage: 'desk-files:importPackage',
  exportRegister: 'desk-files:exportRegister',
} as const;

export interface DeskBytesLike {
  ingestFile(name: string, source: Buffer): Promise<Result<unknown>>;
  importPackageFrom(source: Buffer, fileName: string): Promise<Result<unknown>>;
  exportRegister(query: unknown, format: 'xlsx' | 'pdf', out: NodeJS.WritableStream): Promise<Result<{ rows: number }>>;
}

/** Asks where to save a file (Electron's save dialog in the app); null when the officer cancels. */
export type SaveAs = (defaultName: string, format: 'xlsx' | 'pdf') => Promise<string | null>;

const BAD_BYTES: Result<never> = Object.freeze({
  ok: false as const,
  error: Object.freeze({ code: 'VALIDATION' as const, message: 'Thiếu tên tệp hoặc nội dung tệp' }),
});

/** Registers the two byte channels with the same sender check; returns a function that removes them. */
export function registerBytesHandlers(
  ipc: IpcMainLike,
  desk: DeskBytesLike,
  isTrustedSender: SenderCheck,
  saveAs: SaveAs = async () => null,
): () => void {
  const read = (name: unknown, bytes: unknown): { name: string; bytes: Buffer } | null =>
    typeof name === 'string' && name.length > 0 && name.length <= 255 && (bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes))
      ? { name: name.normalize('NFC'), bytes: Buffer.from(bytes instanceof ArrayBuffer ? bytes : (bytes as ArrayBufferView).buffer) }
      : null;
  ipc.handle(BYTES_CHANNELS.upload, async (event, name, bytes) => {
    if (!isTrustedSender(event)) return FORBIDDEN_RESULT;
    const input = read(name, bytes);
    return input ? desk.ingestFile(input.name, input.bytes) : BAD_BYTES;
  });
  ipc.handle(BYTES_CHANNELS.importPackage, async (event, name, bytes) => {
    if (!isTrustedSender(event)) return FORBIDDEN_RESULT;
    const input = read(name, bytes);
    return input ? desk.importPackageFrom(input.bytes, input.name) : BAD_BYTES;
  });
  // The register is streamed into the chosen file; a failed export leaves no file that looks whole.
  ipc.handle(BYTES_CHANNELS.exportRegister, async (event, query, format) => {
    if (!isTrustedSender(event)) return FORBIDDEN_RESULT;
    if (format !== 'xlsx' && format !== 'pdf') return BAD_BYTES;
    const year = typeof query === 'object' && query !== null ? Number((query as { year?: unknown }).year) : NaN;
    const target = await saveAs(registerFileName({ year, from: undefined, to: undefined }, format), format);
    if (!target) return { ok: true, value: { cancelled: true } };
    const out = fs.createWriteStream(target);
    const result = await desk.exportRegister(query, format, out);
    if (!result.ok) {
      out.destroy();
      await finished(out).catch(() => undefined); // closed (and created) before it is removed
      fs.rmSync(target, { force: true });
      return result;
    }
    await finished(out);
    return { ok: true, value: { ...result.value, path: target } };
  });
  return () => {
    ipc.removeHandler(BYTES_CHANNELS.upload);
    ipc.removeHandler(BYTES_CHANNELS.importPackage);
    ipc.removeHandler(BYTES_CHANNELS.exportRegister);
  };
}
