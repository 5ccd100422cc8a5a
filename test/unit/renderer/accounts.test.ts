import { describe, expect, it } from 'vitest';
import { accountStatus, distinctFields } from '../../../renderer/src/lib/accounts';
import { formatDateTimeSeconds, formatTime } from '../../../renderer/src/lib/format';

const NOW = Date.parse('2026-03-02T03:00:00Z');

describe('account status', () => {
  it('says inactive before anything else', () => {
    expect(accountStatus({ active: false, lockedUntil: '2026-03-02T04:00:00Z', mustChangePassword: true }, NOW)).toEqual({ kind: 'inactive' });
  });
  it('shows a lockout only while it lasts', () => {
    expect(accountStatus({ active: true, lockedUntil: '2026-03-02T03:15:00Z', mustChangePassword: false }, NOW)).toEqual({ kind: 'locked', until: '2026-03-02T03:15:00Z' });
    expect(accountStatus({ active: true, lockedUntil: '2026-03-02T02:15:00Z', mustChangePassword: false }, NOW)).toEqual({ kind: 'active' });
  });
  it('says a temporary password is waiting to be changed', () => {
    expect(accountStatus({ active: true, lockedUntil: null, mustChangePassword: true }, NOW)).toEqual({ kind: 'mustChange' });
  });
});

describe('procedure fields for the account form', () => {
  it('are distinct, trimmed and sorted the Vietnamese way', () => {
    expect(distinctFields([{ field: 'Hộ tịch' }, { field: 'Chứng thực' }, { field: 'Hộ tịch ' }, { field: '' }], ['Đất đai'])).toEqual(['Chứng thực', 'Đất đai', 'Hộ tịch']);
  });
});

describe('sign-in log times', () => {
  it('are Vietnam wall-clock time with seconds', () => {
    expect(formatDateTimeSeconds('2026-03-01T17:05:09Z')).toBe('02/03/2026 00:05:09');
    expect(formatTime('2026-03-02T03:15:00Z')).toBe('10:15');
  });
});
