import { describe, expect, it } from 'vitest';
import { BACKOFF_MINUTES, MAX_ATTEMPTS, nextAttemptAt } from '../../../electron/mail/outbox-policy';

describe('outbox back-off', () => {
  const now = new Date('2026-11-24T02:00:00Z');
  const after = (attempts: number) => {
    const next = nextAttemptAt(attempts, now);
    return next === null ? null : (next.getTime() - now.getTime()) / 60_000;
  };

  it('waits 1, 5, 15, 60, 240 minutes after the 1st…5th failure, then gives up after the 6th', () => {
    expect(BACKOFF_MINUTES).toEqual([1, 5, 15, 60, 240]);
    expect(MAX_ATTEMPTS).toBe(6);
    expect([1, 2, 3, 4, 5, 6, 7].map(after)).toEqual([1, 5, 15, 60, 240, null, null]);
  });
});
