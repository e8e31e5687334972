/**
 * The yearly datasets: every current report of a year as one JSON file and one CSV (the per-cell rows of
 * `report.csv` behind agencyId and year columns). The JSON file is also what the next filing of the year
 * updates, so adding a report reads one object instead of every report of the year.
 */
import { z } from 'zod';
import { encodeCsvRecord, REPORT_CSV_HEADER, reportCsvRows } from '#shared/render/csv.ts';
import { canonicalReport } from '#shared/render/json.ts';
import { type Report, ReportSchema } from '#shared/report/model.ts';
import { reportUrl, SCHEMA_URL } from './site-paths.ts';

export const DatasetEntrySchema = z.object({
  agencyId: z.string(),
  version: z.number().int().positive(),
  url: z.string(),
  // Only the builder writes this object, from reports it parsed; re-checking every cell of every report of
  // the year on each filing would cost more than the rest of the filing together.
  report: z.custom<Report>((value) => typeof value === 'object' && value !== null),
  /** The report's CSV records (agencyId and year first), kept so the year's CSV is a concatenation. */
  csvRecords: z.string(),
});
export type DatasetEntry = z.infer<typeof DatasetEntrySchema>;

export const YearDatasetSchema = z.object({
  year: z.number().int(),
  schema: z.string(),
  reports: z.array(DatasetEntrySchema),
});
export type YearDataset = z.infer<typeof YearDatasetSchema>;

export const emptyDataset = (year: number): YearDataset => ({ year, schema: SCHEMA_URL, reports: [] });

export function upsertDataset(dataset: YearDataset, agencyId: string, version: number, report: Report): YearDataset {
  const rows = reportCsvRows(report).map((fields) => encodeCsvRecord([agencyId, String(dataset.year), ...fields]));
  const entry = {
    agencyId,
    version,
    url: reportUrl(agencyId, dataset.year),
    report: canonicalReport(report),
    csvRecords: rows.map((row) => `${row}\r\n`).join(''),
  };
  const reports = [...dataset.reports.filter((r) => r.agencyId !== agencyId), entry].sort((a, b) =>
    a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0,
  );
  return { ...dataset, reports };
}

/** The published file: the reports without the builder's CSV cache. */
export function renderDatasetJson(dataset: YearDataset): string {
  const reports = dataset.reports.map(({ csvRecords: _, ...entry }) => entry);
  return `${JSON.stringify({ ...dataset, reports }, null, 2)}\n`;
}

export const DATASET_CSV_HEADER = ['agencyId', 'year', ...REPORT_CSV_HEADER] as const;

/** UTF-8 with BOM and CRLF, like `report.csv`. */
export function renderDatasetCsv(dataset: YearDataset): string {
  return `\uFEFF${encodeCsvRecord(DATASET_CSV_HEADER)}\r\n${dataset.reports.map((r) => r.csvRecords).join('')}`;
}

/** The JSON Schema of a report, published beside the datasets. */
export function renderReportJsonSchema(): string {
  const schema = z.toJSONSchema(ReportSchema, { io: 'output', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: '政府信息公开工作年度报告（canonical report）' }, null, 2)}\n`;
}
