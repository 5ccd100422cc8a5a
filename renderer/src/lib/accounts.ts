import type { Account } from '../../../electron/contract';

export type AccountStatus = { kind: 'inactive' } | { kind: 'locked'; until: string } | { kind: 'mustChange' } | { kind: 'active' };

/** What the accounts table says of an account at `now` (a lockout that has run out no longer shows). */
export function accountStatus(account: Pick<Account, 'active' | 'lockedUntil' | 'mustChangePassword'>, now: number): AccountStatus {
  if (!account.active) return { kind: 'inactive' };
  if (account.lockedUntil && Date.parse(account.lockedUntil) > now) return { kind: 'locked', until: account.lockedUntil };
  if (account.mustChangePassword) return { kind: 'mustChange' };
  return { kind: 'active' };
}

/** The distinct procedure fields (lĩnh vực), sorted the Vietnamese way, for the account form's tags. */
export function distinctFields(procedures: readonly { field: string }[], extra: readonly string[] = []): string[] {
  const all = new Set<string>();
  for (const p of procedures) if (p.field.trim()) all.add(p.field.trim());
  for (const f of extra) if (f.trim()) all.add(f.trim());
  return [...all].sort((a, b) => a.localeCompare(b, 'vi'));
}
