import type { Migration } from './types';

/**
 * Two radar shapes the planner could not answer from the indexes before, each slow only at the scale the desk is
 * built for (1,000,000 dossiers): the queue names these indexes itself (queue-repo `namedIndex`).
 * - One officer's dossiers, newest first or by due date: without the work state in the index, an officer with years
 *   of dossiers and none in a state had all of them walked (~80 ms) to find nothing; by due date only open work had an
 *   index starting with the officer (migration 006), all of an officer's dossiers up to ~450 ms.
 * - The stale mark ("hồ sơ treo") over all work states, newest first: only the statuses a dossier can hang in, with
 *   the last movement beside the reception time, so the walk skips the recent ones without reading the table.
 *   Its WHERE repeats queue-repo STALE_STATUSES literally (SQLite matches a partial index by its terms).
 */
export const m007RadarShapes: Migration = {
  version: 7,
  name: 'radar-shapes',
  up: (db) => {
    db.exec(`
      CREATE INDEX dossiers_assignee_tab_received ON dossiers (assignee_id, work_tab, received_at, id) WHERE assignee_id IS NOT NULL;
      CREATE INDEX dossiers_assignee_tab_due ON dossiers (assignee_id, work_tab, due_at, id) WHERE assignee_id IS NOT NULL;
      CREATE INDEX dossiers_assignee_due ON dossiers (assignee_id, due_at, id) WHERE assignee_id IS NOT NULL;
      CREATE INDEX dossiers_stale_received ON dossiers (received_at, id, updated_at) WHERE status IN (1, 2, 4, 9);
    `);
  },
};
