import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyOnTime,
  deadlineState,
  mergeWaiting,
  pushByWorkingMinutes,
  type WorkingMinutesBetween,
} from '../../../electron/core/ontime';
import { formatVnDateTime, fromVnParts } from '../../../electron/core/vntime';

const vn = (y: number, m: number, d: number, h = 0, min = 0) => fromVnParts(y, m, d, h, min);
const show = (d: Date) => formatVnDateTime(d);

/** A stand-in calendar: 07:00–11:30, 13:30–17:00, Monday–Friday (VN time), minus the given days off. */
function calendar(daysOff: string[] = []): WorkingMinutesBetween {
  const SESSIONS = [
    [7 * 60, 11 * 60 + 30],
    [13 * 60 + 30, 17 * 60],
  ] as const;
  const DAY = 86_400_000;
  const OFFSET = 7 * 3_600_000;
  return (a, b) => {
    if (b <= a) return 0;
    let total = 0;
    const first = Math.floor((a.getTime() + OFFSET) / DAY);
    const last = Math.floor((b.getTime() + OFFSET) / DAY);
    for (let day = first; day <= last; day++) {
      const date = new Date(day * DAY);
      const weekday = date.getUTCDay();
      if (weekday === 0 || weekday === 6 || daysOff.includes(date.toISOString().slice(0, 10))) continue;
      for (const [s, e] of SESSIONS) {
        const start = Math.max(day * DAY - OFFSET + s * 60_000, a.getTime());
        const end = Math.min(day * DAY - OFFSET + e * 60_000, b.getTime());
        if (end > start) total += (end - start) / 60_000;
      }
    }
    return total;
  };
}
const wm = calendar();

// Tuesday 24/11/2026 … Friday 27/11/2026; Monday 30/11/2026
const DUE = vn(2026, 11, 26, 17, 0); // Thursday 17:00

describe('on time / early / late without waiting', () => {
  it('finished on the due day, at or before the due instant: on time', () => {
    expect(classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 26, 9, 0) }, wm).verdict).toBe('on_time');
    expect(classifyOnTime({ dueAt: DUE, finishedAt: DUE }, wm).verdict).toBe('on_time');
  });
  it('finished on an earlier day: early', () => {
    const r = classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 25, 16, 59) }, wm);
    expect(r).toMatchObject({ verdict: 'early', lateMinutes: 0, waitingMinutes: 0, reason: 'Hoàn thành trước ngày hẹn trả kết quả' });
    expect(r.effectiveDueAt).toEqual(DUE);
  });
  it('finished after the due instant: late, even outside office hours (NgayKetThucXuLy ≤ NgayHenTra)', () => {
    expect(classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 27, 8, 0) }, wm)).toMatchObject({ verdict: 'late', lateMinutes: 60 });
    expect(classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 26, 17, 1) }, wm)).toMatchObject({ verdict: 'late', lateMinutes: 0 });
  });
});

describe('waiting for the citizen is excluded', () => {
  it('pushes the due date by the working minutes waited', () => {
    // waited Tue 14:00 → Wed 14:00 = 3h + 4.5h… = 180 + 270 + 30 = 480 working minutes (one working day)
    const waiting = [{ start: vn(2026, 11, 24, 14, 0), end: vn(2026, 11, 25, 14, 0) }];
    const r = classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 27, 16, 0), waiting }, wm);
    expect(r.waitingMinutes).toBe(480);
    expect(show(r.effectiveDueAt)).toBe('17:00 27/11/2026');
    expect(r.verdict).toBe('on_time');
    // the same finish without the exclusion is late
    expect(classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 27, 16, 0) }, wm).verdict).toBe('late');
  });
  it('carries across the weekend and lunch, to the minute', () => {
    const waiting = [{ start: vn(2026, 11, 24, 7, 0), end: vn(2026, 11, 24, 9, 0) }]; // 120 min
    const r = classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 27, 17, 0), waiting: [...waiting, ...waiting] }, wm);
    expect(r.waitingMinutes).toBe(120);
    expect(show(r.effectiveDueAt)).toBe('09:00 27/11/2026');
    expect(r).toMatchObject({ verdict: 'late', lateMinutes: 150 + 210 });
    const friday = vn(2026, 11, 27, 16, 0);
    expect(show(pushByWorkingMinutes(friday, 120, wm))).toBe('08:00 30/11/2026');
    expect(show(pushByWorkingMinutes(vn(2026, 11, 24, 11, 0), 60, wm))).toBe('14:00 24/11/2026');
    expect(show(pushByWorkingMinutes(vn(2026, 11, 24, 11, 0), 30, wm))).toBe('11:30 24/11/2026');
  });
  it('respects days off in the calendar it is given', () => {
    const withHoliday = calendar(['2026-11-27']);
    const waiting = [{ start: vn(2026, 11, 24, 7, 0), end: vn(2026, 11, 24, 17, 0) }]; // 480
    const r = classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 30, 10, 0), waiting }, withHoliday);
    expect(show(r.effectiveDueAt)).toBe('17:00 30/11/2026');
    expect(r.verdict).toBe('on_time');
  });
  it('turns a finish on the pushed due day into on time, an earlier day into early', () => {
    const waiting = [{ start: vn(2026, 11, 24, 7, 0), end: vn(2026, 11, 25, 17, 0) }]; // two days
    expect(classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 27, 17, 0), waiting }, wm).verdict).toBe('early');
    expect(classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 30, 16, 0), waiting }, wm).verdict).toBe('on_time');
    expect(classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 12, 1, 7, 1), waiting }, wm).verdict).toBe('late');
  });
  it('ignores waiting before the clock started and after the finish; open intervals end at the finish', () => {
    const accepted = vn(2026, 11, 24, 9, 0);
    const waiting = [
      { start: vn(2026, 11, 23, 7, 0), end: accepted }, // reception-stage supplement, before acceptance
      { start: vn(2026, 11, 25, 7, 0), end: null }, // still open
    ];
    const finishedAt = vn(2026, 11, 25, 9, 0);
    const r = classifyOnTime({ dueAt: DUE, finishedAt, waiting, clockStartedAt: accepted }, wm);
    expect(r.waitingMinutes).toBe(120);
    expect(mergeWaiting(waiting, finishedAt, accepted)).toEqual([{ start: vn(2026, 11, 25, 7, 0), end: finishedAt }]);
  });
});

describe('more than one supplement request', () => {
  it('is late whatever the dates', () => {
    const r = classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 24, 8, 0), supplementRequests: 2 }, wm);
    expect(r).toMatchObject({ verdict: 'late', lateMinutes: 0 });
    expect(r.reason).toMatch(/bổ sung 2 lần/);
    expect(classifyOnTime({ dueAt: DUE, finishedAt: vn(2026, 11, 24, 8, 0), supplementRequests: 1 }, wm).verdict).toBe('early');
  });
});

describe('open dossiers: overdue is computed', () => {
  it('counts down, pauses while waiting, and flags overdue', () => {
    expect(deadlineState({ dueAt: DUE, now: vn(2026, 11, 26, 15, 0) }, wm)).toMatchObject({ overdue: false, remainingMinutes: 120 });
    expect(deadlineState({ dueAt: DUE, now: vn(2026, 11, 27, 8, 0) }, wm)).toMatchObject({ overdue: true, remainingMinutes: 0 });
    const waiting = [{ start: vn(2026, 11, 26, 15, 0), end: null }];
    const paused = deadlineState({ dueAt: DUE, now: vn(2026, 11, 27, 8, 0), waiting }, wm);
    expect(paused).toMatchObject({ overdue: false, remainingMinutes: 120 });
  });
});

describe('properties', () => {
  const instant = fc.integer({ min: 0, max: 60 * 24 * 60 }).map((m) => new Date(vn(2026, 11, 2).getTime() + m * 60_000));
  it('pushByWorkingMinutes returns the earliest instant with that many working minutes', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 6000 }), (due, minutes) => {
        const t = pushByWorkingMinutes(due, minutes, wm);
        expect(wm(due, t)).toBeGreaterThanOrEqual(minutes);
        expect(wm(due, new Date(t.getTime() - 60_000))).toBeLessThan(minutes);
      }),
      { numRuns: 200 },
    );
  });
  it('waiting never makes a dossier later, and the verdict agrees with the working time used', () => {
    fc.assert(
      fc.property(instant, instant, instant, instant, (due, finished, a, b) => {
        const waiting = [{ start: a < b ? a : b, end: a < b ? b : a }];
        const without = classifyOnTime({ dueAt: due, finishedAt: finished }, wm);
        const withWaiting = classifyOnTime({ dueAt: due, finishedAt: finished, waiting }, wm);
        expect(withWaiting.effectiveDueAt.getTime()).toBeGreaterThanOrEqual(without.effectiveDueAt.getTime());
        if (without.verdict !== 'late') expect(withWaiting.verdict).not.toBe('late');
        if (withWaiting.verdict === 'late') expect(finished.getTime()).toBeGreaterThan(withWaiting.effectiveDueAt.getTime());
      }),
      { numRuns: 200 },
    );
  });
});
