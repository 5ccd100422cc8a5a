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

/** Keyset cursors are opaque to the renderer: "p.<receivedAt>.<id>" for the plain queue, "s.<id>" for searches. */
export function encodeCursor(kind: SearchPlan['kind'], last: { receivedAt: number; id: number }): string {
  return kind === 'page' ? `p.${last.receivedAt.toString(36)}.${last.id.toString(36)}` : `s.${last.id.toString(36)}`;
}

export function decodeCursor(
  cursor: string | undefined,
  kind: SearchPlan['kind'],
): { receivedAt: number; id: number } | null {
  if (!cursor) return null;
  const [tag, a, b] = cursor.split('.');
  const n = (s: string | undefined) => (s && /^[0-9a-z]+$/.test(s) ? parseInt(s, 36) : NaN);
  if (kind === 'page' && tag === 'p') {
    const receivedAt = n(a);
    const id = n(b);
    if (Number.isSafeInteger(receivedAt) && Number.isSafeInteger(id)) return { receivedAt, id };
  } else if (kind !== 'page' && tag === 's') {
    const id = n(a);
    if (Number.isSafeInteger(id)) return { receivedAt: 0, id };
  }
  return null; // a stale or foreign cursor restarts from the top rather than failing
}
