/**
 * One report as a row of each dataset format. Long CSV: one row per cell (as `report.csv`, behind agencyId
 * and year). Wide CSV and Parquet: one row per report, every cell of every table shape a column, so the
 * columns are the same in every shard and year (a cell a report's shape lacks is empty). JSON Lines: the
 * canonical report with where it sits.
 */
import { encodeCsvRecord, REPORT_CSV_HEADER, reportCsvRows } from '#shared/render/csv.ts';
import { canonicalReport } from '#shared/render/json.ts';
import type { Report } from '#shared/report/model.ts';
import { cellAt, cellRefs, describePath } from '#shared/report/paths.ts';
import { reportUrl } from '#shared/site/site-paths.ts';
import type { ArchiveEntry } from './archive-index.ts';

export const LONG_CSV_HEADER = ['agencyId', 'year', ...REPORT_CSV_HEADER] as const;

const ALL_SHAPES: readonly Report['shapes'][] = [
  { proactiveDisclosure: '2021', applications: '25-row' },
  { proactiveDisclosure: '2021', applications: '23-row' },
  { proactiveDisclosure: '2019', applications: '25-row' },
  { proactiveDisclosure: '2019', applications: '23-row' },
];

/** Every cell path of every shape, in canonical order, with the shape that names it. */
const CELL_COLUMNS: readonly { path: string; label: string }[] = (() => {
  const seen = new Map<string, string>();
  for (const shapes of ALL_SHAPES) {
    for (const ref of cellRefs(shapes)) if (!seen.has(ref.path)) seen.set(ref.path, describePath(ref.path, shapes));
  }
  return [...seen].map(([path, label]) => ({ path, label }));
})();

/** Column names safe for SQL engines (Athena folds case and dislikes dots). */
export const columnNameOfPath = (path: string): string => path.replaceAll('.', '__').toLowerCase();

export interface WideColumn {
  readonly name: string;
  /** The Chinese header (the second header row of the wide CSV, and the data dictionary). */
  readonly label: string;
  readonly type: 'string' | 'integer' | 'number';
}

export const WIDE_COLUMNS: readonly WideColumn[] = [
  { name: 'agency_id', label: '机关标识', type: 'string' },
  { name: 'agency_name', label: '机关名称', type: 'string' },
  { name: 'report_year', label: '报告年度', type: 'integer' },
  { name: 'version', label: '版本', type: 'integer' },
  { name: 'province_code', label: '省级地区代码', type: 'string' },
  { name: 'province_name', label: '省级地区', type: 'string' },
  { name: 'city_code', label: '地市代码', type: 'string' },
  { name: 'city_name', label: '地市', type: 'string' },
  { name: 'county_code', label: '县级地区代码', type: 'string' },
  { name: 'county_name', label: '县级地区', type: 'string' },
  { name: 'title', label: '报告标题', type: 'string' },
  { name: 'published_on', label: '发布日期', type: 'string' },
  { name: 'filed_on', label: '首次提交日期', type: 'string' },
  { name: 'url', label: '报告网址', type: 'string' },
  ...CELL_COLUMNS.map((c) => ({ name: columnNameOfPath(c.path), label: c.label, type: 'number' as const })),
];

export type WideRow = readonly (string | number | null)[];

export function wideRow(entry: ArchiveEntry, report: Report): WideRow {
  const [province, city, county] = entry.path;
  return [
    entry.agencyId,
    entry.agencyName,
    entry.year,
    entry.version,
    province.code,
    province.name,
    city.code,
    city.name,
    county.code,
    county.name,
    entry.title,
    entry.publishedOn,
    entry.filedOn,
    reportUrl(entry.agencyId, entry.year),
    ...CELL_COLUMNS.map((c) => cellAt(report, c.path) ?? null),
  ];
}

const field = (v: string | number | null): string => (v === null ? '' : String(v));

/** The two header rows of the wide CSV: column names, then their Chinese labels. */
export const WIDE_CSV_HEADER = `${encodeCsvRecord(WIDE_COLUMNS.map((c) => c.name))}\r\n${encodeCsvRecord(WIDE_COLUMNS.map((c) => c.label))}\r\n`;

export function wideCsvRecord(row: WideRow): string {
  return `${encodeCsvRecord(row.map(field))}\r\n`;
}

export function longCsvRecords(entry: ArchiveEntry, report: Report): string {
  return reportCsvRows(report)
    .map((fields) => `${encodeCsvRecord([entry.agencyId, String(entry.year), ...fields])}\r\n`)
    .join('');
}

/** One line of JSON Lines (and one element of the year's JSON file). */
export function jsonLine(entry: ArchiveEntry, report: Report): string {
  const [province, city, county] = entry.path;
  return JSON.stringify({
    agencyId: entry.agencyId,
    version: entry.version,
    url: reportUrl(entry.agencyId, entry.year),
    region: { province, city, county },
    report: canonicalReport(report),
  });
}
