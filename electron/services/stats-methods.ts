import type { Db } from '../db/connection';

export interface StatsDeps {
  db: Db;
  clock: () => Date;
}

/** The contract methods of the on-time dashboard. */
export function statsMethods(_deps: StatsDeps) {
  return {};
}
