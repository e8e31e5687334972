/**
 * One report as a row of each dataset format. Long CSV: one row per cell (as `report.csv`, behind agencyId
 * and year), machine headers. Wide CSV and Parquet: one row per report, every cell of every table shape a
 * column, so the columns are the same in every report, shard and year (a cell a report's shape lacks is
 * empty). The wide CSV is for people: its one header row is the Chinese printed names (the Parquet file and
 * Athena use the SQL-safe names; the data package pairs them). JSON Lines: the canonical report with where
 * it sits.
 */
import { encodeCsvRecord, neutraliseFormula, REPORT_CSV_HEADER, reportCsvRows } from '#shared/render/csv.ts';
import { canonicalReport } from '#shared/render/json.ts';
import type { Report } from '#shared/report/model.ts';
import { cellAt, cellRefs, describePath, EVERY_SHAPE } from '#shared/report/paths.ts';
import { reportUrl } from '#shared/site/site-paths.ts';
import type { ArchiveEntry } from './archive-index.ts';

export const LONG_CSV_HEADER = ['agencyId', 'year', ...REPORT_CSV_HEADER] as const;

let cellColumnsOfEveryShape: readonly { path: string; label: string }[] | undefined;

/**
 * Every cell path of every shape, in canonical order, with the shape that names it. Worked out at the first
 * row or header asked for, not at import: it names every cell of all four shapes.
 */
function cellColumns(): readonly { path: string; label: string }[] {
  if (cellColumnsOfEveryShape === undefined) {
    const seen = new Map<string, string>();
    for (const shapes of EVERY_SHAPE) {
      for (const ref of cellRefs(shapes)) if (!seen.has(ref.path)) seen.set(ref.path, describePath(ref.path, shapes));
    }
    cellColumnsOfEveryShape = [...seen].map(([path, label]) => ({ path, label }));
  }
  return cellColumnsOfEveryShape;
}

/** Column names safe for SQL engines (Athena folds case and dislikes dots). */
export const columnNameOfPath = (path: string): string => path.replaceAll('.', '__').toLowerCase();

export interface WideColumn {
  /** The SQL-safe name: Parquet and Athena columns. */
  readonly name: string;
  /** The Chinese header of the wide CSV: the printed table, row and column labels; unique. */
  readonly label: string;
  readonly type: 'string' | 'integer' | 'number';
}

/**
 * Headers are the printed label trails, which are unique across every shape today; should two ever coincide,
 * the later one is told apart by its path rather than a counter, so no header moves when another is added.
 */
function uniqueLabels(columns: readonly WideColumn[]): WideColumn[] {
  const seen = new Set<string>();
  return columns.map((c) => {
    const label = seen.has(c.label) ? `${c.label}（${c.name}）` : c.label;
    seen.add(label);
    return label === c.label ? c : { ...c, label };
  });
}

let wideColumnsOfEveryShape: readonly WideColumn[] | undefined;

/** The wide formats' columns, the same for every report, shard and year. */
export function wideColumns(): readonly WideColumn[] {
  wideColumnsOfEveryShape ??= uniqueLabels([
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
    ...cellColumns().map((c) => ({ name: columnNameOfPath(c.path), label: c.label, type: 'number' as const })),
    // Last, so that every column before it keeps its place.
    { name: 'explanations', label: '报送机关对警告的说明', type: 'string' },
  ]);
  return wideColumnsOfEveryShape;
}

/** One line per explanation: the rule, where, and the text ("Y3 表二 › … › 本年处理决定数量：…"). */
export function explanationsText(entry: Pick<ArchiveEntry, 'explanations'>, report: Report): string | null {
  const lines = (entry.explanations ?? []).map((e) => {
    const where = e.paths.map((p) => describePath(p, report.shapes)).join('、');
    return `${e.code}${where ? ` ${where}` : ''}：${e.text}`;
  });
  return lines.length === 0 ? null : lines.join('\n');
}

export type WideRow = readonly (string | number | null)[];

/** What a wide row says of a report besides its cells: an index entry, or a version being published. */
export type WideRowSource = Pick<
  ArchiveEntry,
  'agencyId' | 'agencyName' | 'year' | 'version' | 'path' | 'title' | 'publishedOn' | 'filedOn' | 'explanations'
>;

export function wideRow(entry: WideRowSource, report: Report): WideRow {
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
    ...cellColumns().map((c) => cellAt(report, c.path) ?? null),
    explanationsText(entry, report),
  ];
}

// Names and titles are the filer's text: Excel must not run one as a formula.
const field = (v: string | number | null): string =>
  v === null ? '' : typeof v === 'number' ? String(v) : neutraliseFormula(v);

let wideCsvHeaderRow: string | undefined;

/** The wide CSV's one header row (after the BOM): the Chinese labels. */
export function wideCsvHeader(): string {
  wideCsvHeaderRow ??= `${encodeCsvRecord(wideColumns().map((c) => c.label))}\r\n`;
  return wideCsvHeaderRow;
}

export function wideCsvRecord(row: WideRow): string {
  return `${encodeCsvRecord(row.map(field))}\r\n`;
}

/** A whole wide CSV (one report's, or a shard's): UTF-8 with BOM and CRLF, so Excel opens it as it is. */
export function renderWideCsv(rows: readonly WideRow[]): string {
  return `\uFEFF${wideCsvHeader()}${rows.map(wideCsvRecord).join('')}`;
}

/** The long CSV's BOM and header row, which a shard's part and the year's file both begin with. */
export const LONG_CSV_HEAD = `\uFEFF${encodeCsvRecord(LONG_CSV_HEADER)}\r\n`;

export function longCsvRecords(entry: ArchiveEntry, report: Report): string {
  return reportCsvRows(report, entry.explanations)
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
    explanations: entry.explanations ?? [],
  });
}
