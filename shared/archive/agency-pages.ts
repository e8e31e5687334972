/**
 * An agency's pages, the pages queue's work (`archive-tasks.ts`): after one filing, the pages of its
 * agency-year (every version's page, the new version's downloads, the current page and its downloads) and the
 * agency page — or, for a rebuild, those of every year with every version's downloads. Reads this agency's
 * versions, the canonical reports and findings of the years it publishes, the originals it publishes, and the
 * agency's index entries (for the titles its agency page lists); the rest of the archive is never read. The
 * message group is the agency, so two filings of one agency render one after the other, each from what is
 * stored when it runs, and neither loses the other's update.
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
import { publishedFormatOf } from './original-format.ts';

/** What version n changed against n-1, kept so later pages list it without comparing both reports again. */
const changesKey = (v: ReportVersion): string => `site/changes/${v.agencyId}/${v.year}/v${v.version}.json`;
const ChangesSchema = z.custom<VersionChanges>((value) => typeof value === 'object' && value !== null);

async function changesOf(ports: PagesPorts, v: ReportVersion, before: Report, report: Report) {
  const stored = await readStoredJson(ports.data, changesKey(v), ChangesSchema);
  if (stored !== null) return stored;
  const changes = versionChanges(before, report);
  await writeStoredJson(ports.data, changesKey(v), changes);
  return changes;
}

/** The history every page of an agency-year lists: each version with what it changed against the one before. */
function historyOf(ports: PagesPorts, versions: readonly ReportVersion[], reports: readonly Report[]) {
  return Promise.all(
    versions.map(
      async (version, i): Promise<VersionEntry> => ({
        version,
        changes: i === 0 ? null : await changesOf(ports, version, reports[i - 1] as Report, reports[i] as Report),
      }),
    ),
  );
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

async function writeDownloads(
  out: SiteWriter,
  base: string,
  v: ReportVersion,
  r: Report,
  wide: WideRowSource,
  findings: readonly Finding[],
  original: Awaited<ReturnType<typeof loadOriginal>>,
) {
  const explanations = v.explanations ?? [];
  await out.text(`${base}report.json`, renderReportJson(r));
  await out.text(`${base}report.csv`, renderReportCsv(r, explanations));
  await out.text(`${base}${REPORT_WIDE_CSV}`, renderWideCsv([wideRow(wide, r)]));
  await out.text(`${base}findings.json`, `${JSON.stringify({ findings, explanations }, null, 2)}\n`);
  await out.bytes(`${base}original.${original.format.extension}`, original.bytes, original.format.contentType, {
    contentDisposition: ORIGINAL_CONTENT_DISPOSITION,
  });
}

export interface PagesPublication {
  readonly written: readonly string[];
}

type Agency = Awaited<ReturnType<PagesPorts['agencies']['get']>>;

/**
 * The pages of one agency: of the agency-year a filing names (with `year`), or of every year (a rebuild),
 * each through `publishYearPages`, so a rebuild's pages come out as the filings left them. Then its agency
 * page, once.
 */
export async function publishAgencyPages(
  ports: PagesPorts,
  task: { readonly agencyId: string; readonly year?: number | undefined; readonly version?: number | undefined },
): Promise<PagesPublication> {
  const out = siteWriter(ports.site);
  const { agencyId } = task;
  const all = await listAgencyVersions(ports, agencyId);
  const agency = await ports.agencies.get(agencyId);
  const years = task.year === undefined ? [...new Set(all.map((v) => v.year))].sort((a, b) => a - b) : [task.year];
  let published = false;
  for (const year of years) {
    const ofYear = versionsOfYear(all, { year, version: task.version });
    if (ofYear === null) continue;
    const { versions, shownIndex } = ofYear;
    // A filing's downloads are its version's (and the current ones); older versions' were written by their own
    // filings and do not change. A rebuild writes every version's.
    const filed = versions[shownIndex] as ReportVersion;
    const downloads = task.year === undefined ? new Set(versions) : new Set([filed]);
    await publishYearPages(ports, out, agency, versions, downloads);
    published = true;
  }
  if (published) await writeAgencyPage(ports, out, agency, agencyId, all);
  return { written: out.written };
}

/**
 * Every page of one agency-year, each written once: each version's page (a superseded one names the current
 * version and lists the later ones, so every version's page changes when a version is added), the downloads of
 * `downloads`, and the current page with its downloads. Reads each version's report and findings once and the
 * originals it publishes once each, so the cost grows with the year's versions, never with the archive.
 */
async function publishYearPages(
  ports: PagesPorts,
  out: SiteWriter,
  agency: Agency,
  versions: readonly ReportVersion[],
  downloads: ReadonlySet<ReportVersion>,
): Promise<void> {
  const first = versions[0] as ReportVersion;
  const current = versions.at(-1) as ReportVersion;
  const { agencyId, year } = first;
  const reports = await Promise.all(versions.map((v) => loadReport(ports, v)));
  const history = await historyOf(ports, versions, reports);
  const agencyName = agency?.name ?? (reports.at(-1) as Report).agency.name;
  const path = agencyPathOf(agency);
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
  for (const [i, v] of versions.entries()) {
    const report = reports[i] as Report;
    const findings = (await ports.submissions.get(v.submissionId))?.findings ?? [];
    const originalExtension = publishedFormatOf(v.original.contentType).extension;
    const input = { report, agencyId, agencyName, shown: v, history, findings, originalExtension };
    const base = versionUrl(agencyId, year, v.version);
    await out.text(base, renderReportPage({ ...input, isCurrentPage: false }));
    const isCurrent = v === current;
    if (!downloads.has(v) && !isCurrent) continue;
    // The original (up to 40 MB) is read only for the downloads that carry it, once for both when the
    // version is also the current one.
    const original = await loadOriginal(ports, v);
    const wide = wideOf(v, report);
    if (downloads.has(v)) await writeDownloads(out, base, v, report, wide, findings, original);
    if (!isCurrent) continue;
    const currentBase = reportUrl(agencyId, year);
    await out.text(currentBase, renderReportPage({ ...input, isCurrentPage: true }));
    await writeDownloads(out, currentBase, v, report, wide, findings, original);
  }
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
