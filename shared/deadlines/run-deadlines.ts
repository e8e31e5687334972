/**
 * The daily deadline run: for the reporting year (asOf's year − 1), every agency without an accepted report
 * whose calendar reached a notice stage not yet recorded gets one event — FilingDueSoon, FilingOverdue or
 * FilingEscalated. Reads go by key: the registry listing, then first versions and notice records in batches.
 * The schedule and `POST /v1/admin/deadlines/run` both call it; a dry run publishes nothing.
 */

import type { FilingDueSoonDetail } from '#events/filing-due-soon.ts';
import { FilingDueSoon } from '#events/filing-due-soon.ts';
import { FilingEscalated } from '#events/filing-escalated.ts';
import { FilingOverdue } from '#events/filing-overdue.ts';
import type { DeadlinePorts } from '#shared/ports.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { mapConcurrently } from './bounded-concurrency.ts';
import { daysBetween, deadlineFor } from './calendar.ts';
import type { NoticeFacts } from './notice-message.ts';
import { currentStage, type NoticeStage } from './notice-stages.ts';
import { listEveryAgency } from './registry-listing.ts';

/** Events put on the bus at once; PutEvents is cheap, but a run of 10,000 should not open 10,000 sockets. */
const PUBLISH_CONCURRENCY = 16;

/** A notice the run found due: what its event will state, less the event's id and the run's day. */
export type PlannedNotice = NoticeFacts & Readonly<Pick<FilingDueSoonDetail, 'stage' | 'agencyId'>>;

export interface DeadlineRun {
  readonly asOf: string;
  readonly year: number;
  readonly dryRun: boolean;
  readonly agencies: number;
  readonly notices: readonly PlannedNotice[];
}

interface Candidate {
  readonly agency: Agency;
  readonly deadline: string;
  readonly stage: NoticeStage;
}

export async function runDeadlines(
  ports: DeadlinePorts,
  input: { readonly asOf: string; readonly dryRun: boolean },
): Promise<DeadlineRun> {
  const year = Number(input.asOf.slice(0, 4)) - 1;
  const agencies = await listEveryAgency(ports.agencies);
  const candidates = agencies.flatMap((agency): Candidate[] => {
    const deadline = deadlineFor(agency, year, ports.config).date;
    const stage = currentStage(deadline, input.asOf, ports.config.reminders);
    return stage === null ? [] : [{ agency, deadline, stage }];
  });
  const filed = await ports.reports.firstVersions(
    candidates.map((c) => c.agency.id),
    year,
  );
  const unfiled = candidates.filter((c) => !filed.has(c.agency.id));
  const recorded = await ports.notices.getMany(
    year,
    unfiled.map((c) => ({ agencyId: c.agency.id, stage: c.stage.stage })),
  );
  const done = new Set(recorded.map((r) => `${r.agencyId}\n${r.stage}`));
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const notices = unfiled
    .filter((c) => !done.has(`${c.agency.id}\n${c.stage.stage}`))
    .map((c) => plan(c, year, input.asOf, byId));
  if (!input.dryRun) {
    await mapConcurrently(notices, PUBLISH_CONCURRENCY, (notice) => publish(ports, notice, input.asOf));
  }
  return { asOf: input.asOf, year, dryRun: input.dryRun, agencies: agencies.length, notices };
}

/** Escalations go to the supervising office; an agency without one (or whose office has no address) is told itself. */
function plan(candidate: Candidate, year: number, asOf: string, byId: ReadonlyMap<string, Agency>): PlannedNotice {
  const { agency, deadline, stage } = candidate;
  const office = stage.kind === 'escalated' && agency.supervisorId ? byId.get(agency.supervisorId) : undefined;
  const supervisor = office && office.contactEmails.length > 0 ? office : undefined;
  const recipients = supervisor ? supervisor.contactEmails : agency.contactEmails;
  return {
    kind: stage.kind,
    stage: stage.stage,
    agencyId: agency.id,
    agencyName: agency.name,
    year,
    deadline,
    daysFromDeadline: daysBetween(deadline, asOf),
    recipients,
    supervisorId: supervisor?.id ?? null,
  };
}

async function publish(ports: DeadlinePorts, notice: PlannedNotice, asOf: string): Promise<void> {
  const facts = {
    agencyId: notice.agencyId,
    agencyName: notice.agencyName,
    year: notice.year,
    deadline: notice.deadline,
    asOf,
    stage: notice.stage,
    daysFromDeadline: notice.daysFromDeadline,
    recipients: [...notice.recipients],
  };
  const eventId = (detailType: string) => `${detailType}/${notice.agencyId}/${notice.year}/${notice.stage}`;
  switch (notice.kind) {
    case 'dueSoon':
      return ports.events.publish(FilingDueSoon, { ...facts, eventId: eventId(FilingDueSoon.detailType) });
    case 'overdue':
      return ports.events.publish(FilingOverdue, { ...facts, eventId: eventId(FilingOverdue.detailType) });
    case 'escalated':
      return ports.events.publish(FilingEscalated, {
        ...facts,
        eventId: eventId(FilingEscalated.detailType),
        supervisorId: notice.supervisorId,
      });
  }
}
