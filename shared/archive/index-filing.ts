/**
 * After one filing, its place in the archive index — the agency-year's entry (keyed by year × county-level
 * region), the shard's place in its year, the year's change counter and the recent list — and then its work,
 * queued: the agency's pages (`agency-pages.ts`) and one task per aggregate it touches (its shard, the home
 * page; the region's years are the shard's to write, with the region they name). Reads this agency's version
 * list and one canonical report; the rest of the archive is never read, so the cost is the same in an empty
 * year and in a year of a hundred thousand reports.
 *
 * The pages task goes out after the entry is written, because the agency page reads its titles from the
 * entries. The pages queue delays nothing and the aggregates wait for their window (at least ten seconds), so
 * a report's page normally exists before any aggregate links to it. If rendering fails, the pages task is
 * retried and then kept on its dead-letter queue; the entry stays, so the aggregates still list the report,
 * and a redriven message or a rebuild (which renders every agency's pages again) completes its pages.
 */
import { filedOn } from '#shared/deadlines/filing-status.ts';
import type { ReportVersion } from '#shared/filing/records.ts';
import { reportTitle } from '#shared/report/title.ts';
import { reportTotals } from '#shared/site/report-totals.ts';
import { agencyPathOf, listAgencyVersions, loadReport, versionsOfYear } from './agency-versions.ts';
import { type ArchiveEntry, entryPk, RECENT_PK, recentSk, shardsPk, YEARS_PK } from './archive-index.ts';
import type { IndexPorts } from './archive-ports.ts';
import { windowFor } from './archive-tasks.ts';

export interface Filing {
  readonly agencyId: string;
  readonly year: number;
  /** The version the filing made public; its agency-year's latest when absent. */
  readonly version?: number | undefined;
}

/** Indexes one version of an agency-year (the event's) and queues its pages and aggregates. */
export async function indexFiling(
  ports: IndexPorts,
  filing: Filing,
  options: { readonly sendTasks?: boolean } = {},
): Promise<ArchiveEntry | null> {
  const { agencyId, year } = filing;
  const ofYear = versionsOfYear(await listAgencyVersions(ports, agencyId), filing);
  if (ofYear === null) return null;
  const { versions, shownIndex } = ofYear;
  const shown = versions[shownIndex] as ReportVersion;
  const current = versions.at(-1) as ReportVersion;
  const first = versions[0] as ReportVersion;
  const agency = await ports.agencies.get(agencyId);
  const report = await loadReport(ports, current);
  const agencyName = agency?.name ?? report.agency.name;
  const path = agencyPathOf(agency);
  const entry: ArchiveEntry = {
    year,
    agencyId,
    agencyName,
    title: reportTitle(report, agencyName),
    version: current.version,
    path: [...path],
    firstAcceptedAt: first.acceptedAt,
    filedOn: filedOn(first),
    acceptedAt: current.acceptedAt,
    publishedOn: report.publishedOn,
    canonicalKey: current.canonicalKey,
    totals: reportTotals(report),
    hasErrors: current.hasErrors,
    warningCount: current.warningCount,
    ...(current.explanations?.length ? { explanations: current.explanations } : {}),
  };
  const shard = path[2].code;
  await ports.index.putUnlessNewer({ pk: entryPk(year, shard), sk: agencyId, value: entry }, entry.version);
  await ports.index.put({ pk: shardsPk(year), sk: shard, value: { code: shard, path: [...path] } });
  await ports.index.increment(YEARS_PK, String(year), 'changes', 1);
  const recent = {
    agencyId,
    agencyName,
    year,
    version: shown.version,
    title: entry.title,
    acceptedAt: shown.acceptedAt,
    amendmentReason: shown.amendmentReason,
  };
  await ports.index.put({ pk: RECENT_PK, sk: recentSk(recent), value: recent });
  if (options.sendTasks !== false) {
    await ports.queue.send([
      { kind: 'pages', agencyId, year, version: shown.version, window: windowFor(ports, 'pages') },
      { kind: 'shard', year, code: shard, window: windowFor(ports, 'shard') },
      { kind: 'home', window: windowFor(ports, 'home') },
    ]);
  }
  return entry;
}
