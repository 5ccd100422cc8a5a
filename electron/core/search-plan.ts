import { foldVietnamese } from './fold';

/**
 * What a queue search box string means. Names go to the folded FTS index (whole words, the last one as a prefix:
 * "nguyen thi phuc" → "nguyen" "thi" "phuc"*); dossier codes and digit strings (CCCD, CMND, phone) to index ranges.
 */
export type SearchPlan =
  | { kind: 'page' }
  | { kind: 'none' }
  | { kind: 'name'; match: string }
  | { kind: 'code'; prefix: string }
  | { kind: 'digits'; prefix: string };

export function planSearch(raw: string): SearchPlan {
  const q = raw.normalize('NFC').trim();
  if (q === '') return { kind: 'page' };
  if (/^[0-9A-Za-z]{3}\.[0-9A-Za-z.]*(-[0-9-]*)?$/.test(q) || /^[0-9A-Za-z.]+-\d/.test(q)) {
    return { kind: 'code', prefix: q.toUpperCase() };
  }
  const compact = q.replace(/[\s.()-]/g, '');
  if (/^\+?\d+$/.test(compact)) {
    const digits = compact.startsWith('+84') ? '0' + compact.slice(3) : compact.replace(/^\+/, '');
    return { kind: 'digits', prefix: digits };
  }
  const tokens = foldVietnamese(q).split(' ').filter(Boolean);
  if (tokens.length === 0) return { kind: 'none' };
  const last = tokens.pop()!;
  return { kind: 'name', match: [...tokens.map((t) => `"${t}"`), `"${last}"*`].join(' ') };
}

/** The order a plain (non-search) queue page follows. */
export interface PageOrder {
  sort: 'received' | 'due';
  direction: 'asc' | 'desc';
}

/** A keyset position: the last row's sort key (null: no due date yet) and id. */
export interface KeysetPosition {
  key: number | null;
  id: number;
}

/**
 * Keyset cursors are opaque to the renderer: "p<r|d><a|d>.<key|n>.<id>" for a plain page (the order is part of the
 * cursor, so a cursor never continues a list sorted another way), "s.<id>" for searches.
 */
export function encodeCursor(kind: SearchPlan['kind'], last: KeysetPosition, order?: PageOrder): string {
  const b36 = (n: number) => n.toString(36);
  if (kind !== 'page') return `s.${b36(last.id)}`;
  const o = order ?? { sort: 'received', direction: 'desc' };
  return `p${o.sort[0]}${o.direction[0]}.${last.key === null ? 'n' : b36(last.key)}.${b36(last.id)}`;
}

export function decodeCursor(cursor: string | undefined, kind: SearchPlan['kind'], order?: PageOrder): KeysetPosition | null {
  if (!cursor) return null;
  const [tag, a, b] = cursor.split('.');
  const n = (s: string | undefined) => (s && /^[0-9a-z]+$/.test(s) ? parseInt(s, 36) : NaN);
  if (kind === 'page') {
    const o = order ?? { sort: 'received', direction: 'desc' };
    if (tag !== `p${o.sort[0]}${o.direction[0]}`) return null;
    const key = a === 'n' ? null : n(a);
    const id = n(b);
    if ((key === null || Number.isSafeInteger(key)) && Number.isSafeInteger(id)) return { key, id };
  } else if (tag === 's') {
    const id = n(a);
    if (Number.isSafeInteger(id)) return { key: null, id };
  }
  return null; // a stale or foreign cursor restarts from the top rather than failing
}
