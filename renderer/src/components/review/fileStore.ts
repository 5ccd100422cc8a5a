import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { FileMeta } from '../../../../electron/contract';
import { readCanvasInk } from './blank';
import { OpenError, openFile, type OpenedFile } from './pdf';

/** Thumbnails are rendered this wide (CSS pixels): sharp in the strip, enough detail to tell a blank page. */
export const THUMB_WIDTH = 180;
/** Pre-checked pages per file; a longer file is still viewable, its later pages are not pre-checked. */
export const MAX_CHECKED_PAGES = 300;

/** What the renderer found by rendering a file's pages: its thumbnails and the pages that look blank. */
export interface FileCheck {
  state: 'checking' | 'done' | 'error';
  /** Pages in the file (0 until it is open). */
  pages: number;
  /** data: URLs, one per checked page (index 0 = page 1). */
  thumbs: string[];
  /** 1-based pages that look blank. */
  blankPages: number[];
  /** Why the file could not be opened (the desk's message, or pdf.js's failure in words). */
  error?: string;
  errorCode?: OpenError['code'];
}

/**
 * One per dossier screen: opens each attached file once (the viewer and the pre-check share it), pre-checks the
 * files one after the other in the background, and closes everything when the screen goes.
 */
export class FileStore {
  private opened = new Map<number, Promise<OpenedFile>>();
  private checks = new Map<number, FileCheck>();
  private queue: FileMeta[] = [];
  private running = false;
  private closed = false;
  private listeners = new Set<() => void>();
  private version = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed() {
    this.version += 1;
    for (const l of this.listeners) l();
  }

  check(id: number): FileCheck | undefined {
    return this.checks.get(id);
  }

  open(file: Pick<FileMeta, 'id' | 'mime'>): Promise<OpenedFile> {
    let p = this.opened.get(file.id);
    if (!p) {
      p = openFile(file);
      this.opened.set(file.id, p);
      // A failed open is not cached: the next look asks the desk again (the file may have been restored). The
      // failure is the file's pre-check result at once, whoever asked (the viewer usually asks first).
      p.catch((err: unknown) => {
        if (this.opened.get(file.id) === p) this.opened.delete(file.id);
        if (this.closed) return;
        const e = err instanceof OpenError ? err : new OpenError(String(err), 'unreadable');
        const previous = this.checks.get(file.id);
        this.checks.set(file.id, { state: 'error', pages: 0, thumbs: [], blankPages: [], error: e.message, errorCode: e.code });
        this.queue = this.queue.filter((q) => q.id !== file.id);
        if (previous?.state !== 'error' || previous.error !== e.message) this.changed();
      });
    }
    return p;
  }

  /** Keeps the store to these files: new ones are queued for the pre-check, removed ones closed. */
  sync(files: FileMeta[]): void {
    const ids = new Set(files.map((f) => f.id));
    for (const [id, p] of this.opened) {
      if (!ids.has(id)) {
        this.opened.delete(id);
        this.checks.delete(id);
        void p.then((o) => o.close()).catch(() => undefined);
      }
    }
    for (const f of files) {
      if (!this.checks.has(f.id) && !this.queue.some((q) => q.id === f.id)) this.queue.push(f);
    }
    void this.run();
  }

  /** The file the officer is looking at is checked next. */
  prioritize(id: number): void {
    const i = this.queue.findIndex((q) => q.id === id);
    if (i > 0) this.queue.unshift(...this.queue.splice(i, 1));
  }

  /** Checks a file again (after a failure). */
  retry(file: FileMeta): void {
    this.checks.delete(file.id);
    this.opened.delete(file.id);
    this.queue.push(file);
    this.changed();
    void this.run();
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.closed && this.queue.length > 0) {
        const file = this.queue.shift()!;
        await this.precheck(file);
      }
    } finally {
      this.running = false;
    }
  }

  private async precheck(file: FileMeta) {
    const check: FileCheck = { state: 'checking', pages: 0, thumbs: [], blankPages: [] };
    this.checks.set(file.id, check);
    this.changed();
    let opened: OpenedFile;
    try {
      opened = await this.open(file);
    } catch {
      return; // open() recorded the failure
    }
    const pages = Math.min(opened.pages, MAX_CHECKED_PAGES);
    let current: FileCheck = { ...check, pages: opened.pages };
    this.checks.set(file.id, current);
    this.changed();
    for (let n = 1; n <= pages; n++) {
      if (this.closed || this.checks.get(file.id) !== current) return;
      try {
        const size = await opened.size(n, 0);
        const canvas = await opened.render(n, THUMB_WIDTH / size.width, 0, 1);
        const ink = readCanvasInk(canvas);
        current = {
          ...current,
          thumbs: [...current.thumbs, canvas.toDataURL('image/png')],
          blankPages: ink.blank ? [...current.blankPages, n] : current.blankPages,
        };
      } catch {
        // One page that pdf.js cannot draw: the file is still unreadable in part.
        current = { ...current, state: 'error', error: `trang ${n} không hiển thị được`, errorCode: 'unreadable' };
        this.checks.set(file.id, current);
        this.changed();
        return;
      }
      this.checks.set(file.id, current);
      // Redraw every few pages, not on each one, for long files.
      if (n === 1 || n % 4 === 0 || n === pages) this.changed();
    }
    current = { ...current, state: 'done' };
    this.checks.set(file.id, current);
    this.changed();
  }

  /** Back in use (React mounts a screen's effects twice in development). */
  reopen(): void {
    this.closed = false;
  }

  close(): void {
    this.closed = true;
    this.queue = [];
    for (const p of this.opened.values()) void p.then((o) => o.close()).catch(() => undefined);
    this.opened.clear();
    this.checks.clear();
  }
}

/** One store for the screen's lifetime, kept in step with the dossier's attachments. */
export function useFileStore(files: FileMeta[] | undefined): FileStore {
  const [store] = useState(() => new FileStore());
  const key = (files ?? []).map((f) => `${f.id}:${f.sha256}`).join(',');
  const filesRef = useRef(files);
  filesRef.current = files;
  useEffect(() => {
    store.reopen();
    return () => store.close();
  }, [store]);
  // The key stands for the list: a reload that brings the same files changes nothing.
  useEffect(() => {
    if (filesRef.current) store.sync(filesRef.current);
  }, [store, key]);
  return store;
}

/** Re-renders when the store's checks change. */
export function useFileChecks(store: FileStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}
