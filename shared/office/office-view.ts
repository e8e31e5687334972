/**
 * What a supervising office sees: the agencies in its region's subtree with their filing status for a year,
 * and an agency's submissions (rejected ones too, with their findings). Nothing outside the subtree, which
 * answers as "not found" so that agencies elsewhere cannot be probed.
 */
import type { Principal } from '#shared/auth/principal.ts';
import { deadlineFor } from '#shared/deadlines/calendar.ts';
import type { DeadlineConfig } from '#shared/deadlines/config.ts';
import { filingStatus } from '#shared/deadlines/filing-status.ts';
import { agencyNotFound } from '#shared/filing/errors.ts';
import { mayRead } from '#shared/filing/read-filings.ts';
import { toReceipt } from '#shared/filing/receipt.ts';
import type { AcceptedReports, AgencyRegistry, PageRequest, SubmissionStore } from '#shared/ports.ts';

export interface OfficeViewPorts {
  readonly agencies: Pick<AgencyRegistry, 'get' | 'listWithin'>;
  readonly reports: AcceptedReports;
  readonly submissions: Pick<SubmissionStore, 'listByAgency'>;
  readonly config: DeadlineConfig;
}

type Office = Extract<Principal, { kind: 'office' }>;

export async function listOfficeAgencies(
  ports: Pick<OfficeViewPorts, 'agencies' | 'reports' | 'config'>,
  office: Office,
  year: number,
  asOf: string,
  page: PageRequest,
) {
  const { items, cursor } = await ports.agencies.listWithin(office.regionCode, page);
  const firsts = await ports.reports.firstVersions(
    items.map((a) => a.id),
    year,
  );
  const agencies = items.map((agency) => ({
    id: agency.id,
    name: agency.name,
    kind: agency.kind,
    regionCode: agency.regionCode,
    region: agency.region,
    supervisorId: agency.supervisorId,
    ...filingStatus(agency.id, deadlineFor(agency, year, ports.config).date, firsts.get(agency.id) ?? null, asOf),
  }));
  return { regionCode: office.regionCode, year, asOf, agencies, ...(cursor ? { cursor } : {}) };
}

export async function listAgencySubmissions(
  ports: Pick<OfficeViewPorts, 'agencies' | 'submissions'>,
  principal: Principal,
  agencyId: string,
  year: number,
  page: PageRequest,
) {
  if (!(await mayRead(ports, principal, agencyId))) throw agencyNotFound(agencyId);
  const { items, cursor } = await ports.submissions.listByAgency(agencyId, year, page);
  return { agencyId, year, submissions: items.map(toReceipt), ...(cursor ? { cursor } : {}) };
}
