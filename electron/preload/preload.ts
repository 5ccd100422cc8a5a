/**
 * window.desk: one narrow function per contract method, each a single ipcRenderer.invoke on 'desk:<method>'.
 * Nothing else crosses the bridge: no ipcRenderer, no event objects, no Node.
 *
 * Sandboxed preload: bundled into one file by scripts/build-node.mjs; at run time it may require only 'electron'.
 * The contract is imported for its types only (erased), so zod and the schemas stay out of this bundle; the object
 * literal below is checked against DeskApi with `satisfies` (a missing method fails, an extra one fails as an
 * excess property), and a unit test compares its keys with METHOD_NAMES at run time.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DeskApi, MethodName } from '../contract';

/** Same prefix as electron/main/ipc.ts (IPC_PREFIX); a unit test keeps the two equal. */
export const CHANNEL_PREFIX = 'desk:';

const call = (method: MethodName, input: unknown) => ipcRenderer.invoke(`${CHANNEL_PREFIX}${method}`, input);

export const deskApi = {
  getSetup: (input) => call('getSetup', input),
  setupDesk: (input) => call('setupDesk', input),
  updateAgency: (input) => call('updateAgency', input),
  listProcedures: (input) => call('listProcedures', input),
  createDossier: (input) => call('createDossier', input),
  getDossier: (input) => call('getDossier', input),
  acceptDossier: (input) => call('acceptDossier', input),
  listQueue: (input) => call('listQueue', input),
  queueCounts: (input) => call('queueCounts', input),
  getDocument: (input) => call('getDocument', input),
} satisfies DeskApi;

// Both directions at compile time, spelled out: every contract method is exposed and nothing else is.
type Exposed = keyof typeof deskApi;
type MissingFromPreload = Exclude<MethodName, Exposed>;
type NotInContract = Exclude<Exposed, MethodName>;
const exactKeys: [MissingFromPreload, NotInContract] extends [never, never] ? true : false = true;
void exactKeys;

contextBridge.exposeInMainWorld('desk', deskApi);
