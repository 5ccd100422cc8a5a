import { m001Initial } from './001-initial';
import { m002DomainRules } from './002-domain-rules';
import { m003CounterWorkflow } from './003-counter-workflow';
import { m004DocumentsPrintMail } from './004-documents-print-mail';
import { m005OfficersForwardingPost } from './005-officers-forwarding-post';
import { m006AssigneeWork } from './006-assignee-work';
import { m007RadarShapes } from './007-radar-shapes';
import type { Migration } from './types';

/** Numbered, in order, never edited once shipped: a change is a new migration with its own test. */
export const MIGRATIONS: readonly Migration[] = [m001Initial, m002DomainRules, m003CounterWorkflow, m004DocumentsPrintMail, m005OfficersForwardingPost, m006AssigneeWork, m007RadarShapes];

export const LATEST_VERSION = MIGRATIONS.length;
export type { Migration };
