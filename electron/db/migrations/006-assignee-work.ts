import type { Migration } from './types';

/**
 * The radar by officer (issue 4's officer filter) and "Việc của tôi": the dossiers assigned to one officer, read
 * through indexes that start with the assignee instead of walking a whole work state and checking each row.
 * "Việc của tôi" asks only for open work (queue-repo OPEN_STATUSES: not decided, not closed), nearest deadline first:
 * its own partial indexes hold just those rows, so an officer's years of returned dossiers are never walked through
 * to reach today's. Their WHERE repeats OPEN_STATUSES literally (SQLite matches a partial index by its terms).
 */
export const m006AssigneeWork: Migration = {
  version: 6,
  name: 'assignee-work',
  up: (db) => {
    db.exec(`
      -- The officer filter of the full list (newest first by default).
      CREATE INDEX dossiers_assignee_received ON dossiers (assignee_id, received_at, id) WHERE assignee_id IS NOT NULL;
      -- "Việc của tôi": open work only, by due date (its default order) or by reception.
      CREATE INDEX dossiers_open_assignee_due ON dossiers (assignee_id, due_at, id)
        WHERE assignee_id IS NOT NULL AND status IN (1, 2, 4, 5, 6, 7);
      CREATE INDEX dossiers_open_assignee_received ON dossiers (assignee_id, received_at, id)
        WHERE assignee_id IS NOT NULL AND status IN (1, 2, 4, 5, 6, 7);
    `);
  },
};
