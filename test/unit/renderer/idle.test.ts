import { describe, expect, it } from 'vitest';
import { createIdleTracker, throttle, type IdleClock } from '../../../renderer/src/lib/idle';

/** A hand-driven clock: timers fire only when advance() passes them. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const clock: IdleClock = {
    now: () => now,
    setTimer: (fn, ms) => {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.fn();
    }
    now = end;
  };
  return { clock, advance, pending: () => timers.length };
}

const MIN = 60_000;

describe('idle lock', () => {
  it('fires once after the limit without input', () => {
    const { clock, advance } = fakeClock();
    let fired = 0;
    createIdleTracker(10 * MIN, () => fired++, clock);
    advance(10 * MIN - 1);
    expect(fired).toBe(0);
    advance(1);
    expect(fired).toBe(1);
    advance(60 * MIN);
    expect(fired).toBe(1);
  });

  it('counts from the last input, with a single timer however often input comes', () => {
    const { clock, advance, pending } = fakeClock();
    let fired = 0;
    const idle = createIdleTracker(10 * MIN, () => fired++, clock);
    for (let i = 0; i < 9; i++) {
      advance(MIN);
      idle.touch();
    }
    expect(pending()).toBe(1);
    advance(9 * MIN);
    expect(fired).toBe(0);
    expect(idle.remaining()).toBe(MIN);
    advance(MIN);
    expect(fired).toBe(1);
  });

  it('locks at once when the timer comes late (a sleeping laptop)', () => {
    const { clock, advance } = fakeClock();
    let fired = 0;
    createIdleTracker(5 * MIN, () => fired++, clock);
    advance(3 * 3600_000);
    expect(fired).toBe(1);
  });

  it('ignores input once locked, counts again after restart, and stops for good', () => {
    const { clock, advance } = fakeClock();
    let fired = 0;
    const idle = createIdleTracker(MIN, () => fired++, clock);
    advance(MIN);
    idle.touch();
    expect(fired).toBe(1);
    idle.restart();
    advance(MIN - 1);
    expect(fired).toBe(1);
    advance(1);
    expect(fired).toBe(2);
    idle.restart();
    idle.stop();
    advance(10 * MIN);
    expect(fired).toBe(2);
  });
});

describe('throttle', () => {
  it('passes at most one call per interval', () => {
    let now = 0;
    let calls = 0;
    const f = throttle(() => calls++, 1000, () => now);
    f();
    f();
    now = 999;
    f();
    now = 1000;
    f();
    expect(calls).toBe(2);
  });
});
