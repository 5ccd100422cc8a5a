/**
 * The window's idle lock: after `limitMs` without input, `onIdle` runs once (until `touch` or `restart`). Elapsed
 * time is measured with the clock, not counted by the timer, so a sleeping laptop or a throttled background tab
 * still locks at the right moment. Pure: the clock and the timer are injected (tests never sleep).
 */
export interface IdleClock {
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

export interface IdleTracker {
  /** Input seen: the countdown starts again. Cheap enough for mousemove (a timer is set only when none is). */
  touch: () => void;
  /** Start counting again after the lock was lifted. */
  restart: () => void;
  stop: () => void;
  /** Milliseconds left before the lock (0 once idle). */
  remaining: () => number;
}

export function createIdleTracker(limitMs: number, onIdle: () => void, clock: IdleClock): IdleTracker {
  let last = clock.now();
  let handle: unknown;
  let fired = false;
  let stopped = false;

  const remaining = () => Math.max(0, limitMs - (clock.now() - last));
  const check = () => {
    handle = undefined;
    if (stopped || fired) return;
    const left = remaining();
    if (left <= 0) {
      fired = true;
      onIdle();
    } else {
      arm(left);
    }
  };
  const arm = (ms: number) => {
    if (handle === undefined) handle = clock.setTimer(check, ms);
  };

  arm(limitMs);
  return {
    touch: () => {
      if (fired || stopped) return;
      last = clock.now();
    },
    restart: () => {
      stopped = false;
      fired = false;
      last = clock.now();
      arm(limitMs);
    },
    stop: () => {
      stopped = true;
      if (handle !== undefined) clock.clearTimer(handle);
      handle = undefined;
    },
    remaining,
  };
}

/** Mousemove fires dozens of times a second: pass it on at most once per `everyMs`. */
export function throttle(fn: () => void, everyMs: number, now: () => number): () => void {
  let lastRun = -Infinity;
  return () => {
    const t = now();
    if (t - lastRun >= everyMs) {
      lastRun = t;
      fn();
    }
  };
}
