/**
 * After one filing, only what belongs to that filing: the new version's page and downloads, the
 * agency-year's current page, the agency page, the index entry — then one task per aggregate it touches.
 * Reads this agency's version list and at most two canonical reports; the rest of the archive is never
 * read, so the cost is the same in an empty year and in a year of a hundred thousand reports.
 */

import { chinaDay } from '#shared/deadlines/calendar.ts';
import { filedOn } from '#shared/deadlines/filing-status.ts';
import { isPublic, type ReportVersion } from '#shared/filing/records.ts';
import { renderReportCsv } from '#shared/render/csv.ts';
import { renderReportJson } from '#shared/render/json.ts';
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { StoredReportSchema } from '#shared/report/stored-report.ts';
import { reportTitle } from '#shared/report/title.ts';
import { type AgencyYearRow, renderAgencyPage } from '#shared/site/agency-page.ts';
import { agencyYearStatus } from '#shared/site/filing-status-view.ts';
import { renderReportPage, type VersionEntry } from '#shared/site/report-page.ts';
import { reportTotals } from '#shared/site/report-totals.ts';
import {
  agencyUrl,
  ORIGINAL_CONTENT_DISPOSITION,
  REPORT_WIDE_CSV,
  reportUrl,
  versionUrl,
} from '#shared/site/site-paths.ts';
import { type SiteWriter, siteWriter } from '#shared/site/site-writer.ts';
import { readStoredJson, writeStoredJson } from '#shared/site/stored-json.ts';
import { type VersionChanges, versionChanges } from '#shared/site/version-changes.ts';
import * as z from '#shared/zod.ts';
import {
  type ArchiveEntry,
  ArchiveEntrySchema,
  entryPk,
  RECENT_PK,
  recentSk,
  regionYearsPk,
  shardsPk,
  YEARS_PK,
} from './archive-index.ts';
import type { ArchivePorts } from './archive-ports.ts';
import { windowOf } from './archive-tasks.ts';
import { renderWideCsv, type WideRowSource, wideRow } from './dataset-formats.ts';
import { publishedFormatOf } from './original-format.ts';
import { regionPathOf } from './regions.ts';

/** Where a report whose agency left the registry is listed. */
const UNREGISTERED_REGION = '未注明地区';

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

async function loadReport(ports: Pick<ArchivePorts, 'data'>, version: ReportVersion): Promise<Report> {
  const report = await readStoredJson(ports.data, version.canonicalKey, StoredReportSchema);
  if (report === null) throw new Error(`canonical report ${version.canonicalKey} is missing`);
  return report;
}

/** What version n changed against n-1, kept so later pages list it without reading both reports again. */
const changesKey = (v: ReportVersion): string => `site/changes/${v.agencyId}/${v.year}/v${v.version}.json`;
const ChangesSchema = z.custom<VersionChanges>((value) => typeof value === 'object' && value !== null);

async function changesOf(ports: ArchivePorts, versions: readonly ReportVersion[], i: number, report: Report) {
  const v = versions[i] as ReportVersion;
  const before = versions[i - 1];
  if (before === undefined) return null;
  const stored = await readStoredJson(ports.data, changesKey(v), ChangesSchema);
  if (stored !== null) return stored;
  const changes = versionChanges(await loadReport(ports, before), report);
  await writeStoredJson(ports.data, changesKey(v), changes);
  return changes;
}

/**
 * A version's original as published: typed and named by what its bytes are (as the filing sniffed and stored
 * it), never by the filer's declared type or name, so that no original is served as HTML or script.
 */
async function loadOriginal(ports: Pick<ArchivePorts, 'originals'>, v: ReportVersion) {
  const original = await ports.originals.get(v.original.key);
  if (original === null) throw new Error(`original ${v.original.key} is missing`);
  return { bytes: original.bytes, format: publishedFormatOf(v.original.contentType) };
}

/** What a version's page and files need beside its report: its original and the findings of its check. */
interface VersionSources {
  readonly original: Awaited<ReturnType<typeof loadOriginal>>;
  readonly findings: readonly Finding[];
}

/**
 * Each version's sources, read at most once per publication: a new filing's version is also the current one,
 * so its original (up to 40 MB) would otherwise be read for each of its two pages and two sets of downloads.
 */
function versionSourcesOnce(ports: ArchivePorts): (v: ReportVersion) => Promise<VersionSources> {
  const read = new Map<number, Promise<VersionSources>>();
  return (v) => {
    let sources = read.get(v.version);
    if (sources === undefined) {
      sources = (async () => ({
        original: await loadOriginal(ports, v),
        findings: (await ports.submissions.get(v.submissionId))?.findings ?? [],
      }))();
      read.set(v.version, sources);
    }
    return sources;
  };
}

async function writeVersionFiles(
  out: SiteWriter,
  base: string,
  v: ReportVersion,
  r: Report,
  page: string,
  wide: WideRowSource,
  { original, findings }: VersionSources,
) {
  const explanations = v.explanations ?? [];
  await out.text(base, page);
  await out.text(`${base}report.json`, renderReportJson(r));
  await out.text(`${base}report.csv`, renderReportCsv(r, explanations));
  await out.text(`${base}${REPORT_WIDE_CSV}`, renderWideCsv([wideRow(wide, r)]));
  await out.text(`${base}findings.json`, `${JSON.stringify({ findings, explanations }, null, 2)}\n`);
  await out.bytes(`${base}original.${original.format.extension}`, original.bytes, original.format.contentType, {
    contentDisposition: ORIGINAL_CONTENT_DISPOSITION,
  });
}

/** The history every report page lists: each version with what it changed (read from the kept objects). */
async function historyOf(ports: ArchivePorts, versions: readonly ReportVersion[], shownIndex: number, shown: Report) {
  return Promise.all(
    versions.map(async (version, i): Promise<VersionEntry> => {
      if (i === 0) return { version, changes: null };
      if (i === shownIndex) return { version, changes: await changesOf(ports, versions, i, shown) };
      const stored = await readStoredJson(ports.data, changesKey(version), ChangesSchema);
      return { version, changes: stored ?? { cells: [], texts: [] } };
    }),
  );
}

export interface FilingPublication {
  readonly written: readonly string[];
  readonly entry: ArchiveEntry | null;
}

/** Publishes one version of an agency-year (the event's), the current page, the agency page and the index. */
export async function publishFiling(
  ports: ArchivePorts,
  filing: { agencyId: string; year: number; version?: number },
  options: { readonly sendTasks?: boolean } = {},
): Promise<FilingPublication> {
  const out = siteWriter(ports.site);
  const all = await listAgencyVersions(ports, filing.agencyId);
  const versions = all.filter((v) => v.year === filing.year).sort((a, b) => a.version - b.version);
  const current = versions.at(-1);
  if (current === undefined) return { written: [], entry: null };
  // An event may name a version that is not public (a repeat delivered after a return, or a rebuild's walk).
  if (filing.version !== undefined && !versions.some((v) => v.version === filing.version)) {
    return { written: [], entry: null };
  }
  const shownIndex = Math.max(
    0,
    versions.findIndex((v) => v.version === (filing.version ?? current.version)),
  );
  const shown = versions[shownIndex] as ReportVersion;
  const agency = await ports.agencies.get(filing.agencyId);
  const shownReport = await loadReport(ports, shown);
  const currentReport = shown === current ? shownReport : await loadReport(ports, current);
  const agencyName = agency?.name ?? currentReport.agency.name;
  const { agencyId, year } = filing;
  const path = regionPathOf(agency ?? { region: UNREGISTERED_REGION });
  const first = versions[0] as ReportVersion;
  const wideOf = (v: ReportVersion, report: Report): WideRowSource => ({
    agencyId,
    agencyName,
    year,
    version: v.version,
    path: [...path],
    title: reportTitle(report, agencyName),
    publishedOn: report.publishedOn,
    filedOn: filedOn(first),
    ...(v.explanations?.length ? { explanations: v.explanations } : {}),
  });

  const sourcesOf = versionSourcesOnce(ports);
  const pageOf = async (v: ReportVersion, i: number, report: Report, isCurrentPage: boolean) => {
    const history = await historyOf(ports, versions, i, report);
    const { original, findings } = await sourcesOf(v);
    const originalExtension = original.format.extension;
    const input = { report, agencyId, agencyName, shown: v, history, findings, originalExtension };
    return renderReportPage({ ...input, isCurrentPage });
  };
  await writeVersionFiles(
    out,
    versionUrl(agencyId, year, shown.version),
    shown,
    shownReport,
    await pageOf(shown, shownIndex, shownReport, false),
    wideOf(shown, shownReport),
    await sourcesOf(shown),
  );
  // The version before the new one now says it is superseded; older ones said so when they were.
  const previous = versions[shownIndex - 1];
  if (previous !== undefined) {
    const previousReport = await loadReport(ports, previous);
    await out.text(
      versionUrl(agencyId, year, previous.version),
      await pageOf(previous, shownIndex - 1, previousReport, false),
    );
  }
  const currentIndex = versions.length - 1;
  await writeVersionFiles(
    out,
    reportUrl(agencyId, year),
    current,
    currentReport,
    await pageOf(current, currentIndex, currentReport, true),
    wideOf(current, currentReport),
    await sourcesOf(current),
  );

  const entry: ArchiveEntry = {
    year,
    agencyId,
    agencyName,
    title: reportTitle(currentReport, agencyName),
    version: current.version,
    path: [...path],
    firstAcceptedAt: first.acceptedAt,
    filedOn: filedOn(first),
    acceptedAt: current.acceptedAt,
    publishedOn: currentReport.publishedOn,
    canonicalKey: current.canonicalKey,
    totals: reportTotals(currentReport),
    hasErrors: current.hasErrors,
    warningCount: current.warningCount,
    ...(current.explanations?.length ? { explanations: current.explanations } : {}),
  };
  const shard = path[2].code;
  await ports.index.putUnlessNewer({ pk: entryPk(year, shard), sk: agencyId, value: entry }, entry.version);
  await ports.index.put({ pk: shardsPk(year), sk: shard, value: { code: shard, path: [...path] } });
  await ports.index.increment(YEARS_PK, String(year), 'changes', 1);
  await ports.index.put({ pk: regionYearsPk(shard), sk: String(year), value: { year } });
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

  await writeAgencyPage(ports, out, agency, agencyId, agencyName, all, shard, path);
  if (options.sendTasks !== false) {
    const window = windowOf(ports.clock.now(), ports.queueDelaySeconds);
    await ports.queue.send([
      { kind: 'shard', year, code: shard, window },
      { kind: 'home', window },
    ]);
  }
  return { written: out.written, entry };
}

async function writeAgencyPage(
  ports: ArchivePorts,
  out: SiteWriter,
  agency: Awaited<ReturnType<ArchivePorts['agencies']['get']>>,
  agencyId: string,
  agencyName: string,
  all: readonly ReportVersion[],
  shard: string,
  path: ReturnType<typeof regionPathOf>,
): Promise<void> {
  const asOf = chinaDay(ports.clock.now());
  const years = [...new Set(all.map((v) => v.year))].sort((a, b) => b - a);
  const rows: AgencyYearRow[] = await Promise.all(
    years.map(async (year) => {
      const ofYear = all.filter((v) => v.year === year).sort((a, b) => a.version - b.version);
      const first = ofYear[0] as ReportVersion;
      const current = ofYear.at(-1) as ReportVersion;
      const stored = await ports.index.get(entryPk(year, shard), agencyId);
      const title = stored === null ? `${year}年度报告` : ArchiveEntrySchema.parse(stored).title;
      const status = agency === null ? null : agencyYearStatus(agency, year, first, asOf, ports.deadlines);
      return { year, title, current, status };
    }),
  );
  await out.text(
    agencyUrl(agencyId),
    renderAgencyPage({ agencyId, agencyName, region: agency?.region ?? null, regionPath: path, years: rows }),
  );
}
