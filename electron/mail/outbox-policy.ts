/**
 * When the outbox tries again. A mail server that is down for an afternoon must not lose a citizen's slip, and one
 * that refuses for good must not be hammered: 6 attempts over about five and a half hours, then "failed" for the
 * officer to see (and retry by hand).
 */
export const MAX_ATTEMPTS = 6;

/** Wait after the 1st, 2nd, … 5th failed attempt. */
export const BACKOFF_MINUTES: readonly number[] = [1, 5, 15, 60, 240];

/** A row left in 'sending' this long was cut off by a crash (one send gives up well before: see transport timeouts). */
export const STALE_SENDING_MS = 10 * 60_000;

/** How many mails one pass sends at most, so a big backlog does not hold the worker for long. */
export const PASS_LIMIT = 50;

/** When to try again after `attempts` failed attempts; null when they are used up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const minutes = BACKOFF_MINUTES[Math.max(0, attempts - 1)] ?? BACKOFF_MINUTES[BACKOFF_MINUTES.length - 1]!;
  return new Date(now.getTime() + minutes * 60_000);
}
