/**
 * An office re-sends a reminder to one of its agencies: a `FilingDueSoon` before the deadline or a
 * `FilingOverdue` after it, which the notice sender mails like any other. The stage names the office and the day,
 * so a second press on the same day sends nothing more (one notice per stage, ever).
 */
import { FilingDueSoon } from '#events/filing-due-soon.ts';
import { FilingOverdue } from '#events/filing-overdue.ts';
import type { Principal } from '#shared/auth/principal.ts';
import { daysBetween, deadlineFor } from '#shared/deadlines/calendar.ts';
import type { DeadlineConfig } from '#shared/deadlines/config.ts';
import { agencyNotFound, FilingError } from '#shared/filing/errors.ts';
import { mayRead } from '#shared/filing/read-filings.ts';
import type { AcceptedReports, AgencyRegistry, EventPublisher } from '#shared/ports.ts';

export interface ReminderPorts {
  readonly agencies: Pick<AgencyRegistry, 'get'>;
  readonly reports: AcceptedReports;
  readonly events: EventPublisher;
  readonly config: DeadlineConfig;
}

export async function sendReminder(
  ports: ReminderPorts,
  office: Extract<Principal, { kind: 'office' }>,
  agencyId: string,
  year: number,
  asOf: string,
) {
  const agency = await ports.agencies.get(agencyId);
  if (!agency || !(await mayRead(ports, office, agencyId))) throw agencyNotFound(agencyId);
  if ((await ports.reports.firstVersions([agencyId], year)).has(agencyId)) {
    throw new FilingError('INVALID_REQUEST', {
      zh: `${agency.name}已报送${year}年度报告，无需提醒`,
      en: `${agencyId} has filed its ${year} report; there is nothing to remind`,
    });
  }
  const deadline = deadlineFor(agency, year, ports.config).date;
  const daysFromDeadline = daysBetween(deadline, asOf);
  const contract = daysFromDeadline > 0 ? FilingOverdue : FilingDueSoon;
  const stage = `reminder-${office.officeId}-${asOf}`;
  const detail = {
    eventId: `${contract.detailType}/${agencyId}/${year}/${stage}`,
    agencyId,
    agencyName: agency.name,
    year,
    deadline,
    asOf,
    stage,
    daysFromDeadline,
    recipients: agency.contactEmails,
  };
  await ports.events.publish(contract, detail);
  return { kind: contract.detailType, ...detail };
}
