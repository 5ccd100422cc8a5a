import { useEffect, useSyncExternalStore } from 'react';
import type { FileMeta, InboxView } from '../../../../electron/contract';
import { call } from '../../api';

/**
 * The scan inbox, shared by the top navigation's badge, the inbox drawer and the intake's component rows: one
 * listInbox poll every few seconds while anything shows it and the window is visible (the desk reads the watched scan
 * folder on every call), the drawer's open state, and the open intake (which files it already holds, and how to
 * attach one more to a component).
 */

export const POLL_MS = 5_000;

/** A component of the open intake a waiting file can be attached to. */
export interface AttachSlot {
  key: string;
  label: string;
}

/** The intake on screen, as the inbox sees it. */
export interface AttachTarget {
  slots: AttachSlot[];
  attach: (slotKey: string, file: FileMeta) => void;
}

export interface InboxState {
  view: InboxView | undefined;
  error: string | undefined;
  loading: boolean;
  open: boolean;
  /** Files already attached to a component of the open intake: not waiting any more, as far as the officer sees. */
  claimed: ReadonlySet<number>;
  target: AttachTarget | null;
}

let state: InboxState = { view: undefined, error: undefined, loading: false, open: false, claimed: new Set(), target: null };
const listeners = new Set<() => void>();

function set(patch: Partial<InboxState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => state;

export function useInbox(): InboxState {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** What waits in the inbox and is not already on the open intake. */
export function waitingItems(s: InboxState): FileMeta[] {
  return (s.view?.items ?? []).filter((f) => !s.claimed.has(f.id));
}

// ---------- Polling ----------

let inFlight: Promise<void> | null = null;

export function refreshInbox(): Promise<void> {
  inFlight ??= (async () => {
    set({ loading: true });
    const r = await call('listInbox', {});
    inFlight = null;
    if (r.ok) set({ view: r.value, error: undefined, loading: false });
    else set({ error: r.error.message, loading: false });
  })();
  return inFlight;
}

let pollers = 0;
let timer: number | undefined;

function schedule(): void {
  window.clearInterval(timer);
  timer = undefined;
  if (pollers > 0 && document.visibilityState === 'visible') {
    timer = window.setInterval(() => void refreshInbox(), POLL_MS);
  }
}

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (pollers > 0 && document.visibilityState === 'visible') void refreshInbox();
    schedule();
  });
}

/** Keeps the inbox fresh while the calling component is mounted (and `active`). */
export function useInboxPolling(active = true): void {
  useEffect(() => {
    if (!active) return;
    pollers += 1;
    void refreshInbox();
    schedule();
    return () => {
      pollers -= 1;
      schedule();
    };
  }, [active]);
}

// ---------- Drawer and the open intake ----------

export const openInbox = (): void => set({ open: true });
export const closeInbox = (): void => set({ open: false });
export const isInboxOpen = (): boolean => state.open;

export function setAttachTarget(target: AttachTarget | null): void {
  set({ target });
}

export function setClaimed(ids: Iterable<number>): void {
  const next = new Set(ids);
  if (next.size === state.claimed.size && [...next].every((id) => state.claimed.has(id))) return;
  set({ claimed: next });
}

/** A file left the inbox (discarded or attached elsewhere): drop it at once rather than at the next poll. */
export function forgetInboxFile(id: number): void {
  if (!state.view) return;
  set({ view: { ...state.view, items: state.view.items.filter((f) => f.id !== id) } });
}

/** A file just stored (uploaded): show it at once. */
export function rememberInboxFile(file: FileMeta): void {
  if (!state.view || state.view.items.some((f) => f.id === file.id)) return;
  set({ view: { ...state.view, items: [file, ...state.view.items] } });
}

export const maxFileMb = (): number => state.view?.maxFileMb ?? 50;

// ---------- Esc closes the drawer first ----------

/**
 * Screens register page-level Esc handlers on window in the capture phase (lib/keys.ts), which would navigate away
 * behind an open drawer. This listener is registered when the module loads, before any screen's, so it sees the key
 * first: with the drawer open (and no dialog or dropdown of its own open) Esc closes the drawer and nothing else.
 */
function innerOverlayOpen(): boolean {
  if (document.querySelector('.ant-select-open') !== null) return true;
  return [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap, .ant-dropdown, .ant-popover')].some(
    (el) =>
      window.getComputedStyle(el).display !== 'none' &&
      !el.classList.contains('ant-dropdown-hidden') &&
      !el.classList.contains('ant-popover-hidden'),
  );
}

if (typeof window !== 'undefined') {
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || !state.open || e.defaultPrevented || innerOverlayOpen()) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      closeInbox();
    },
    true,
  );
}
