import type { DossierAction } from '../contract';
import {
  DECIDED_STATUSES,
  initialLifecycleState,
  type DossierLifecycleState,
  type LifecycleAction,
  type LifecycleEvent,
} from '../core/lifecycle';
import type { WaitingInterval } from '../core/ontime';
import type { DossierDbRow, EventDbRow } from '../db/dossiers-repo';

/**
 * The lifecycle state travels between the database (JSON, instants as ISO strings) and core/lifecycle (Dates).
 * Rows written before the state was stored (or by `desk seed`) get it derived from their columns.
 */
export function loadLifecycle(row: DossierDbRow): DossierLifecycleState {
  if (row.lifecycleJson) {
    const raw = JSON.parse(row.lifecycleJson) as DossierLifecycleState & { dueAt: string | null };
    return {
      ...raw,
      dueAt: raw.dueAt ? new Date(raw.dueAt) : null,
      pendingExtension: raw.pendingExtension
        ? {
            ...raw.pendingExtension,
            newDueAt: new Date(raw.pendingExtension.newDueAt),
            proposedAt: new Date(raw.pendingExtension.proposedAt),
          }
        : null,
    };
  }
  return {
    ...initialLifecycleState(),
    status: row.status as DossierLifecycleState['status'],
    holder: row.holder as DossierLifecycleState['holder'],
    supplementRequests: row.supplementRequests,
    extensions: row.extensions,
    dueAt: row.dueAt === null ? null : new Date(row.dueAt),
    decided: (DECIDED_STATUSES as readonly number[]).includes(row.status),
  };
}

export const dumpLifecycle = (state: DossierLifecycleState): string => JSON.stringify(state);

/** The contract's action (ISO instants) as core/lifecycle takes it (Dates). */
export function toLifecycleAction(action: DossierAction): LifecycleAction {
  switch (action.type) {
    case 'proposeExtension':
      return { ...action, newDueAt: new Date(action.newDueAt) };
    case 'extend':
      return { ...action, newDueAt: action.newDueAt ? new Date(action.newDueAt) : undefined };
    default:
      return action;
  }
}

/** What an event stores beyond its note. */
export const eventDetails = (e: LifecycleEvent): string =>
  JSON.stringify({ form: e.form, clock: e.clock, role: e.role, details: e.details, override: e.override, warnings: e.warnings });

/** Waiting for the citizen (supplement, financial obligation): from each clock pause to the next resume/restart. */
export function waitingIntervals(events: readonly EventDbRow[]): WaitingInterval[] {
  const out: WaitingInterval[] = [];
  let start: Date | null = null;
  for (const e of events) {
    const clock = e.detailsJson ? (JSON.parse(e.detailsJson) as { clock?: string | null }).clock : null;
    if (clock === 'pause' && start === null) start = new Date(e.at);
    else if ((clock === 'resume' || clock === 'restart' || clock === 'stop') && start !== null) {
      out.push({ start, end: new Date(e.at) });
      start = null;
    }
  }
  if (start !== null) out.push({ start, end: null });
  return out;
}
