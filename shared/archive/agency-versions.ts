/** An agency's public versions and their canonical reports, as both the index and the pages read them. */
import { isPublic, type ReportVersion } from '#shared/filing/records.ts';
import type { Report } from '#shared/report/model.ts';
import { StoredReportSchema } from '#shared/report/stored-report.ts';
import { readStoredJson } from '#shared/site/stored-json.ts';
import type { ArchivePorts } from './archive-ports.ts';
import { type Placed, type RegionPath, regionPathOf } from './regions.ts';

/** Where a report whose agency left the registry is listed. */
const UNREGISTERED_REGION = '未注明地区';

/** The region path an agency's reports are listed under (its shard is the county-level step), registered or not. */
export function agencyPathOf(agency: Placed | null): RegionPath {
  return regionPathOf(agency ?? { region: UNREGISTERED_REGION });
}

/** The agency's public versions: one awaiting its office's review, or returned by it, is no part of the archive. */
export async function listAgencyVersions(ports: Pick<ArchivePorts, 'versions'>, agencyId: string) {
  const all: ReportVersion[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.versions.listByAgency(agencyId, { limit: 100, cursor });
    all.push(...page.items.filter(isPublic));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
}

export async function loadReport(ports: Pick<ArchivePorts, 'data'>, version: ReportVersion): Promise<Report> {
  const report = await readStoredJson(ports.data, version.canonicalKey, StoredReportSchema);
  if (report === null) throw new Error(`canonical report ${version.canonicalKey} is missing`);
  return report;
}

/** The versions of one agency-year in order, and the one a filing names (its latest when it names none). */
export function versionsOfYear(
  all: readonly ReportVersion[],
  filing: { readonly year: number; readonly version?: number | undefined },
): { versions: ReportVersion[]; shownIndex: number } | null {
  const versions = all.filter((v) => v.year === filing.year).sort((a, b) => a.version - b.version);
  const current = versions.at(-1);
  if (current === undefined) return null;
  // A filing may name a version that is not public (a repeat delivered after a return, or a rebuild's walk).
  if (filing.version !== undefined && !versions.some((v) => v.version === filing.version)) return null;
  const shownIndex = Math.max(
    0,
    versions.findIndex((v) => v.version === (filing.version ?? current.version)),
  );
  return { versions, shownIndex };
}
