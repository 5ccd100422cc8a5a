import { AsyncLocalStorage } from 'node:async_hooks';
import type { RoleName } from '../contract/auth';

/** The signed-in officer a door's call runs for (set by the gate, read by the desk). */
export interface Actor {
  officerId: number;
  role: RoleName;
}

const store = new AsyncLocalStorage<Actor>();

/** Runs `fn` (and everything it awaits) as `actor`. */
export const actAs = <T>(actor: Actor, fn: () => T): T => store.run(actor, fn);

/** The officer of the call being served; undefined outside a door's signed-in call (CLI, timers, tests in-process). */
export const currentActor = (): Actor | undefined => store.getStore();
