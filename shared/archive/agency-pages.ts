/**
 * An agency's pages, the pages queue's work (`archive-tasks.ts`): after one filing, the new version's page and
 * downloads, the page of the version it supersedes, the agency-year's current page and the agency page — or,
 * for a rebuild, those of every version in filing order. Reads this agency's versions, at most two canonical
 * reports per version published, and the agency's index entries (for the titles its agency page lists); the
 * rest of the archive is never read. The message group is the agency, so two filings of one agency render
 * one after the other, each from what is stored when it runs, and neither loses the other's update.
 */

import { chinaDay } from '#shared/deadlines/calendar.ts';
import { filedOn } from '#shared/deadlines/filing-status.ts';
import type { ReportVersion } from '#shared/filing/records.ts';
import { renderReportCsv } from '#shared/render/csv.ts';
import { renderReportJson } from '#shared/render/json.ts';
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { reportTitle } from '#shared/report/title.ts';
import { type AgencyYearRow, renderAgencyPage } from '#shared/site/agency-page.ts';
import { agencyYearStatus } from '#shared/site/filing-status-view.ts';
import { renderReportPage, type VersionEntry } from '#shared/site/report-page.ts';
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
import { agencyPathOf, listAgencyVersions, loadReport, versionsOfYear } from './agency-versions.ts';
import { ArchiveEntrySchema, entryPk } from './archive-index.ts';
import type { PagesPorts } from './archive-ports.ts';
import { renderWideCsv, type WideRowSource, wideRow } from './dataset-formats.ts';
import type { Filing } from './index-filing.ts';
import { publishedFormatOf } from './original-format.ts';

/** What version n changed against n-1, kept so later pages list it without reading both reports again. */
const changesKey = (v: ReportVersion): string => `site/changes/${v.agencyId}/${v.year}/v${v.version}.json`;
const ChangesSchema = z.custom<VersionChanges>((value) => typeof value === 'object' && value !== null);

async function changesOf(ports: PagesPorts, versions: readonly ReportVersion[], i: number, report: Report) {
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
async function loadOriginal(ports: Pick<PagesPorts, 'originals'>, v: ReportVersion) {
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
function versionSourcesOnce(ports: PagesPorts): (v: ReportVersion) => Promise<VersionSources> {
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
async function historyOf(ports: PagesPorts, versions: readonly ReportVersion[], shownIndex: number, shown: Report) {
  return Promise.all(
    versions.map(async (version, i): Promise<VersionEntry> => {
      if (i === 0) return { version, changes: null };
      if (i === shownIndex) return { version, changes: await changesOf(ports, versions, i, shown) };
      const stored = await readStoredJson(ports.data, changesKey(version), ChangesSchema);
      return { version, changes: stored ?? { cells: [], texts: [] } };
    }),
  );
}

export interface PagesPublication {
  readonly written: readonly string[];
}

type Agency = Awaited<ReturnType<PagesPorts['agencies']['get']>>;

/**
 * The pages of one agency: of the version a filing names (with `year`), or of every version in filing order,
 * as the filings published them, so a rebuild's pages come out the same. Then its agency page, once.
 */
export async function publishAgencyPages(
  ports: PagesPorts,
  task: { readonly agencyId: string; readonly year?: number | undefined; readonly version?: number | undefined },
): Promise<PagesPublication> {
  const out = siteWriter(ports.site);
  const { agencyId } = task;
  const all = await listAgencyVersions(ports, agencyId);
  const agency = await ports.agencies.get(agencyId);
  const filings: Filing[] =
    task.year === undefined
      ? [...all]
          .sort((a, b) => a.year - b.year || a.version - b.version)
          .map((v) => ({ agencyId, year: v.year, version: v.version }))
      : [{ agencyId, year: task.year, version: task.version }];
  let published = false;
  for (const filing of filings) published = (await publishVersionPages(ports, out, agency, all, filing)) || published;
  if (published) await writeAgencyPage(ports, out, agency, agencyId, all);
  return { written: out.written };
}

/** One version of an agency-year, the version before it and the current page; false if none is public. */
async function publishVersionPages(
  ports: PagesPorts,
  out: SiteWriter,
  agency: Agency,
  all: readonly ReportVersion[],
  filing: Filing,
): Promise<boolean> {
  const ofYear = versionsOfYear(all, filing);
  if (ofYear === null) return false;
  const { versions, shownIndex } = ofYear;
  const { agencyId, year } = filing;
  const current = versions.at(-1) as ReportVersion;
  const shown = versions[shownIndex] as ReportVersion;
  const shownReport = await loadReport(ports, shown);
  const currentReport = shown === current ? shownReport : await loadReport(ports, current);
  const agencyName = agency?.name ?? currentReport.agency.name;
  const path = agencyPathOf(agency);
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
  return true;
}

/** The agency page: every year with its title (from the index entries, written before this runs) and status. */
async function writeAgencyPage(
  ports: PagesPorts,
  out: SiteWriter,
  agency: Agency,
  agencyId: string,
  all: readonly ReportVersion[],
): Promise<void> {
  const asOf = chinaDay(ports.clock.now());
  const path = agencyPathOf(agency);
  const shard = path[2].code;
  const years = [...new Set(all.map((v) => v.year))].sort((a, b) => b - a);
  let agencyName = agency?.name;
  const rows: AgencyYearRow[] = await Promise.all(
    years.map(async (year) => {
      const ofYear = all.filter((v) => v.year === year).sort((a, b) => a.version - b.version);
      const first = ofYear[0] as ReportVersion;
      const current = ofYear.at(-1) as ReportVersion;
      const stored = await ports.index.get(entryPk(year, shard), agencyId);
      const entry = stored === null ? null : ArchiveEntrySchema.parse(stored);
      agencyName ??= entry?.agencyName;
      const title = entry?.title ?? `${year}年度报告`;
      const status = agency === null ? null : agencyYearStatus(agency, year, first, asOf, ports.deadlines);
      return { year, title, current, status };
    }),
  );
  await out.text(
    agencyUrl(agencyId),
    renderAgencyPage({
      agencyId,
      agencyName: agencyName ?? agencyId,
      region: agency?.region ?? null,
      regionPath: path,
      years: rows,
    }),
  );
}
