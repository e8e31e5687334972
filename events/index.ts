/** Every event contract, in one list: the catalogue (README.md), samples and schemas are checked against it. */
import type { EventContract } from './define-event.ts';
import { FilingDueSoon } from './filing-due-soon.ts';
import { FilingEscalated } from './filing-escalated.ts';
import { FilingOverdue } from './filing-overdue.ts';
import { NoticeSent } from './notice-sent.ts';
import { ReportAccepted } from './report-accepted.ts';
import { ReportAmended } from './report-amended.ts';
import { ReportPublished } from './report-published.ts';
import { S3ObjectCreated } from './s3-object-created.ts';
import { SubmissionRejected } from './submission-rejected.ts';

export { FilingDueSoon } from './filing-due-soon.ts';
export { FilingEscalated } from './filing-escalated.ts';
export { FilingOverdue } from './filing-overdue.ts';
export { NoticeSent } from './notice-sent.ts';
export { ReportAccepted } from './report-accepted.ts';
export { ReportAmended } from './report-amended.ts';
export { ReportPublished } from './report-published.ts';
export { S3ObjectCreated } from './s3-object-created.ts';
export { SubmissionRejected } from './submission-rejected.ts';

/** Events this system puts on its bus. */
export const PUBLISHED_EVENTS: readonly EventContract[] = [
  ReportAccepted,
  ReportAmended,
  ReportPublished,
  SubmissionRejected,
  FilingDueSoon,
  FilingOverdue,
  FilingEscalated,
  NoticeSent,
];

/** Events from AWS services that this system subscribes to. */
export const CONSUMED_EVENTS: readonly EventContract[] = [S3ObjectCreated];

export const EVENT_CONTRACTS: readonly EventContract[] = [...PUBLISHED_EVENTS, ...CONSUMED_EVENTS];
