/**
 * Filing status of every registered agency for a report year, computed from the registry and the first
 * accepted version of each agency-year (read by key). The admin API and the public site builder call it.
 */
import type { AcceptedReports, AgencyRegistry, NoticeStore, Page, PageRequest } from '#shared/ports.ts';
import { deadlineFor } from './calendar.ts';
import type { DeadlineConfig } from './config.ts';
import { type AgencyFilingStatus, filingStatus } from './filing-status.ts';
import type { NoticeRecord } from './notice-record.ts';
import { listEveryAgency } from './registry-listing.ts';

export interface StatusPorts {
  readonly agencies: Pick<AgencyRegistry, 'list'>;
  readonly reports: AcceptedReports;
  readonly config: DeadlineConfig;
}

/** Sorted by agency id; `asOf` decides between `due` and `missing` for agencies that have not filed. */
export async function listFilingStatus(ports: StatusPorts, year: number, asOf: string): Promise<AgencyFilingStatus[]> {
  const agencies = await listEveryAgency(ports.agencies);
  const firsts = await ports.reports.firstVersions(
    agencies.map((a) => a.id),
    year,
  );
  return agencies
    .map((agency) =>
      filingStatus(agency.id, deadlineFor(agency, year, ports.config).date, firsts.get(agency.id) ?? null, asOf),
    )
    .sort((a, b) => a.agencyId.localeCompare(b.agencyId));
}

export function listNotices(
  ports: { readonly notices: NoticeStore },
  query: { readonly year: number; readonly agencyId: string | null },
  page: PageRequest,
): Promise<Page<NoticeRecord>> {
  return ports.notices.list(query.year, query.agencyId, page);
}
