/**
 * window.desk: one narrow function per contract method, each a single ipcRenderer.invoke on 'desk:<method>'.
 * Nothing else crosses the bridge: no ipcRenderer, no event objects, no Node.
 *
 * Sandboxed preload: bundled into one file by scripts/build-node.mjs; at run time it may require only 'electron'.
 * It imports the zod-free method-name list (the contract checks at compile time that it names exactly the contract's
 * methods) and the contract's types, so zod and the schemas stay out of this bundle; a unit test compares the
 * exposed keys with METHOD_NAMES at run time.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DeskApi } from '../contract';
import { METHOD_NAME_LIST } from '../contract/method-names';

/** Same prefix as electron/main/ipc.ts (IPC_PREFIX); a unit test keeps the two equal. */
export const CHANNEL_PREFIX = 'desk:';

export const deskApi = Object.freeze(
  Object.fromEntries(
    METHOD_NAME_LIST.map((method) => [method, (input: unknown) => ipcRenderer.invoke(`${CHANNEL_PREFIX}${method}`, input)]),
  ),
) as DeskApi;

contextBridge.exposeInMainWorld('desk', deskApi);

/** Same channels as electron/main/ipc.ts (BYTES_CHANNELS). */
export const deskFilesApi = Object.freeze({
  upload: (name: string, bytes: ArrayBuffer) => ipcRenderer.invoke('desk-files:upload', name, bytes),
  importPackage: (name: string, bytes: ArrayBuffer) => ipcRenderer.invoke('desk-files:importPackage', name, bytes),
  /** The tracking register of a period, written where the officer chooses in the save dialog. */
  exportRegister: (query: { year: number; from?: string; to?: string }, format: 'xlsx' | 'pdf') =>
    ipcRenderer.invoke('desk-files:exportRegister', query, format),
});
contextBridge.exposeInMainWorld('deskFiles', deskFilesApi);
