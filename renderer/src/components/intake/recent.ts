/** The procedures this counter used last, newest first (at most 8), so the usual ones are one Enter away. */
const KEY = 'desk.intake.recent';
export const RECENT_MAX = 8;

export function recentProcedures(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

export function rememberProcedure(id: string): void {
  const next = [id, ...recentProcedures().filter((x) => x !== id)].slice(0, RECENT_MAX);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage unavailable: the order lasts for this session only
  }
}

/** Recent procedures first, in the order they were used; the rest keep the catalogue's order. */
export function recentFirst<T>(items: readonly T[], idOf: (item: T) => string, recent: readonly string[]): T[] {
  const rank = new Map(recent.map((id, i) => [id, i]));
  return items
    .map((item, i) => ({ item, i, r: rank.get(idOf(item)) }))
    .sort((a, b) => (a.r ?? RECENT_MAX + a.i) - (b.r ?? RECENT_MAX + b.i))
    .map((x) => x.item);
}
