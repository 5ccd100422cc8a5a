import { useSyncExternalStore } from 'react';
import type { SessionView } from '../../../electron/contract';
import { call } from './hooks';
import { onSessionRefusal, type SessionRefusal } from './transport';

/**
 * The officer's session as this window knows it. The token itself never reaches page script (an HttpOnly cookie, or
 * main's memory in Electron): the store holds what getSession answered and follows every refusal the transport
 * reports (SIGN_IN_REQUIRED → the sign-in screen, SESSION_LOCKED → the lock screen over the open desk).
 */
export type SessionPhase =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'signedOut'; notice?: string }
  | { kind: 'open'; view: SessionView };

let phase: SessionPhase = { kind: 'loading' };
const listeners = new Set<() => void>();

function set(next: SessionPhase): void {
  phase = next;
  for (const l of listeners) l();
}

export const sessionPhase = (): SessionPhase => phase;

export function useSession(): SessionPhase {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    sessionPhase,
  );
}

/** The open session's officer, or undefined (inside the desk shell it is always there). */
export function useOfficer(): SessionView['officer'] | undefined {
  const p = useSession();
  return p.kind === 'open' ? p.view.officer : undefined;
}

/** What a session method answered: a view (open, possibly locked) or none (signed out). */
export function setSession(view: SessionView | null, notice?: string): void {
  set(view ? { kind: 'open', view } : notice ? { kind: 'signedOut', notice } : { kind: 'signedOut' });
}

/** Asks the door whether this window has a session (on load, after setup). */
export async function refreshSession(): Promise<void> {
  const r = await call('getSession', {});
  if (r.ok) setSession(r.value.session);
  else set({ kind: 'error', message: r.error.message });
}

/** Locks the screen now (idle timer, the header menu, Ctrl+L); the lock shows even if the desk cannot be reached. */
export async function lockNow(): Promise<void> {
  if (phase.kind !== 'open' || phase.view.locked) return;
  set({ kind: 'open', view: { ...phase.view, locked: true } });
  const r = await call('lockSession', {});
  if (r.ok && r.value.session === null) setSession(null);
}

export async function signOutNow(): Promise<void> {
  await call('signOut', {});
  setSession(null);
}

/** A refusal from any call: switch screens at once. */
export function handleRefusal(code: SessionRefusal, message: string): void {
  if (phase.kind !== 'open') return;
  if (code === 'SIGN_IN_REQUIRED') setSession(null, message);
  else if (!phase.view.locked) set({ kind: 'open', view: { ...phase.view, locked: true } });
}

onSessionRefusal(handleRefusal);
