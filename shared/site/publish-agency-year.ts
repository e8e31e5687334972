/**
 * The pages of one agency-year after a filing: every version's page and downloads, the current page, the
 * agency page, and the indexes (year, agency, catalog, dataset) updated by upsert. Reads only this agency's
 * versions and a few small objects, so the cost does not grow with the archive.
 */

import { chinaDay } from '#shared/deadlines/calendar.ts';
import type { ReportVersion } from '#shared/filing/records.ts';
import { fileFormatOf } from '#shared/parse/file-format.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { renderReportCsv } from '#shared/render/csv.ts';
import { renderReportJson } from '#shared/render/json.ts';
import { type Report, ReportSchema } from '#shared/report/model.ts';
import { type AgencyYearRow, renderAgencyPage } from './agency-page.ts';
import { emptyDataset, upsertDataset, type YearDataset, YearDatasetSchema } from './datasets.ts';
import { agencyYearStatus } from './filing-status-view.ts';
import { renderReportPage, type VersionEntry } from './report-page.ts';
import { reportTotals } from './report-totals.ts';
import {
  AgencyIndexSchema,
  agencyIndexKey,
  CATALOG_KEY,
  CatalogSchema,
  EMPTY_CATALOG,
  emptyYearIndex,
  upsertAgencyTitle,
  upsertCatalog,
  upsertYearEntry,
  YearIndexSchema,
  yearIndexKey,
} from './site-index.ts';
import { agencyUrl, datasetKey, ORIGINAL_CONTENT_DISPOSITION, reportUrl, versionUrl } from './site-paths.ts';
import type { SitePorts } from './site-ports.ts';
import type { SiteWriter } from './site-writer.ts';
import { readStoredJson, writeStoredJson } from './stored-json.ts';
import { versionChanges } from './version-changes.ts';

export async function listAgencyVersions(
  ports: Pick<SitePorts, 'versions'>,
  agencyId: string,
): Promise<ReportVersion[]> {
  const all: ReportVersion[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.versions.listByAgency(agencyId, { limit: 100, cursor });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
}

async function loadReport(ports: Pick<SitePorts, 'data'>, version: ReportVersion): Promise<Report> {
  const report = await readStoredJson(ports.data, version.canonicalKey, ReportSchema);
  if (report === null) throw new Error(`canonical report ${version.canonicalKey} is missing`);
  return report;
}

/**
 * A version's original as published: typed and named by what its bytes are (as filed versions are stored
 * since), never by the filer's declared type or name, so that no original is served as HTML or script.
 */
async function loadOriginal(ports: Pick<SitePorts, 'originals'>, version: ReportVersion) {
  const original = await ports.originals.get(version.original.key);
  if (original === null) throw new Error(`original ${version.original.key} is missing`);
  return { bytes: original.bytes, format: fileFormatOf(original.bytes) };
}

type PublishedOriginal = Awaited<ReturnType<typeof loadOriginal>>;

async function writeVersionFiles(
  out: SiteWriter,
  base: string,
  original: PublishedOriginal,
  report: Report,
  page: string,
): Promise<void> {
  await out.text(base, page);
  await out.text(`${base}report.json`, renderReportJson(report));
  await out.text(`${base}report.csv`, renderReportCsv(report));
  await out.bytes(`${base}original.${original.format.extension}`, original.bytes, original.format.contentType, {
    contentDisposition: ORIGINAL_CONTENT_DISPOSITION,
  });
}

/** Writes the agency-year's report pages; returns the current version and its report. */
async function writeReportPages(
  ports: SitePorts,
  out: SiteWriter,
  agencyId: string,
  agencyName: string,
  versions: readonly ReportVersion[],
) {
  const reports = await Promise.all(versions.map((v) => loadReport(ports, v)));
  const history: VersionEntry[] = versions.map((version, i) => {
    const before = i > 0 ? reports[i - 1] : undefined;
    const after = reports[i] as Report;
    return { version, changes: before === undefined ? null : versionChanges(before, after) };
  });
  const lastIndex = versions.length - 1;
  for (const [i, version] of versions.entries()) {
    const report = reports[i] as Report;
    const findings = (await ports.submissions.get(version.submissionId))?.findings ?? [];
    const original = await loadOriginal(ports, version);
    const ext = original.format.extension;
    const pageInput = { report, agencyId, agencyName, shown: version, history, findings, originalExtension: ext };
    const versionPage = renderReportPage({ ...pageInput, isCurrentPage: false });
    await writeVersionFiles(out, versionUrl(agencyId, version.year, version.version), original, report, versionPage);
    if (i === lastIndex) {
      const currentPage = renderReportPage({ ...pageInput, isCurrentPage: true });
      await writeVersionFiles(out, reportUrl(agencyId, version.year), original, report, currentPage);
    }
  }
  return { current: versions[lastIndex] as ReportVersion, report: reports[lastIndex] as Report };
}

async function writeAgencyPage(
  ports: SitePorts,
  out: SiteWriter,
  agency: Agency | null,
  agencyId: string,
  agencyName: string,
  all: readonly ReportVersion[],
  titles: ReadonlyMap<number, string>,
): Promise<void> {
  const asOf = chinaDay(ports.clock.now());
  const years = [...new Set(all.map((v) => v.year))].sort((a, b) => b - a);
  const rows: AgencyYearRow[] = years.map((year) => {
    const ofYear = all.filter((v) => v.year === year).sort((a, b) => a.version - b.version);
    const first = ofYear[0] as ReportVersion;
    const current = ofYear[ofYear.length - 1] as ReportVersion;
    const status = agency === null ? null : agencyYearStatus(agency, year, first, asOf, ports.deadlines);
    return { year, title: titles.get(year) ?? `${year}年度报告`, current, status };
  });
  await out.text(
    agencyUrl(agencyId),
    renderAgencyPage({ agencyId, agencyName, region: agency?.region ?? null, years: rows }),
  );
}

export interface AgencyYearOutcome {
  readonly year: number;
  readonly published: boolean;
  /** The year's dataset as just stored, so the year's files need not read it again. */
  readonly dataset?: YearDataset;
}

/** Rewrites the agency-year's pages and updates the year, agency, catalog and dataset objects. */
export async function publishAgencyYear(
  ports: SitePorts,
  out: SiteWriter,
  agencyId: string,
  year: number,
): Promise<AgencyYearOutcome> {
  const all = await listAgencyVersions(ports, agencyId);
  const versions = all.filter((v) => v.year === year).sort((a, b) => a.version - b.version);
  if (versions.length === 0) return { year, published: false };
  const agency = await ports.agencies.get(agencyId);
  const latestReport = await loadReport(ports, versions[versions.length - 1] as ReportVersion);
  const agencyName = agency?.name ?? latestReport.agency.name;
  const { current, report } = await writeReportPages(ports, out, agencyId, agencyName, versions);
  const title = report.title || `${agencyName}${year}年政府信息公开工作年度报告`;

  const agencyIndex = upsertAgencyTitle(
    (await readStoredJson(ports.data, agencyIndexKey(agencyId), AgencyIndexSchema)) ?? { agencyId, titles: [] },
    year,
    title,
  );
  await writeStoredJson(ports.data, agencyIndexKey(agencyId), agencyIndex);
  await writeAgencyPage(
    ports,
    out,
    agency,
    agencyId,
    agencyName,
    all,
    new Map(agencyIndex.titles.map((t) => [t.year, t.title])),
  );

  const yearIndex = (await readStoredJson(ports.data, yearIndexKey(year), YearIndexSchema)) ?? emptyYearIndex(year);
  const entry = {
    agencyId,
    agencyName,
    title,
    version: current.version,
    publishedOn: report.publishedOn,
    acceptedAt: current.acceptedAt,
    first: versions[0] as ReportVersion,
    totals: reportTotals(report),
    hasErrors: current.hasErrors,
    warningCount: current.warningCount,
  };
  await writeStoredJson(ports.data, yearIndexKey(year), upsertYearEntry(yearIndex, entry));

  const stored = (await readStoredJson(ports.data, datasetKey(year), YearDatasetSchema)) ?? emptyDataset(year);
  const dataset = upsertDataset(stored, agencyId, current.version, report);
  await writeStoredJson(ports.data, datasetKey(year), dataset);

  let catalog = (await readStoredJson(ports.data, CATALOG_KEY, CatalogSchema)) ?? EMPTY_CATALOG;
  for (const v of versions) {
    catalog = upsertCatalog(catalog, {
      agencyId,
      agencyName,
      year,
      version: v.version,
      title,
      acceptedAt: v.acceptedAt,
      amendmentReason: v.amendmentReason,
    });
  }
  await writeStoredJson(ports.data, CATALOG_KEY, catalog);
  return { year, published: true, dataset };
}
