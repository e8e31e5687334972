/**
 * The yearly datasets: every current report of a year as one JSON file and one CSV (the per-cell rows of
 * `report.csv` behind agencyId and year columns). The JSON file is also what the next filing of the year
 * updates, so adding a report reads one object instead of every report of the year.
 */
import { z } from 'zod';
import { encodeCsv, REPORT_CSV_HEADER, reportCsvRows } from '#shared/render/csv.ts';
import { canonicalReport } from '#shared/render/json.ts';
import { type Report, ReportSchema } from '#shared/report/model.ts';
import { reportUrl, SCHEMA_URL } from './site-paths.ts';

export const DatasetEntrySchema = z.object({
  agencyId: z.string(),
  version: z.number().int().positive(),
  url: z.string(),
  report: ReportSchema,
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
  const entry = { agencyId, version, url: reportUrl(agencyId, dataset.year), report: canonicalReport(report) };
  const reports = [...dataset.reports.filter((r) => r.agencyId !== agencyId), entry].sort((a, b) =>
    a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0,
  );
  return { ...dataset, reports };
}

export function renderDatasetJson(dataset: YearDataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

export const DATASET_CSV_HEADER = ['agencyId', 'year', ...REPORT_CSV_HEADER] as const;

export function renderDatasetCsv(dataset: YearDataset): string {
  const rows = dataset.reports.flatMap((r) =>
    reportCsvRows(r.report).map((fields) => [r.agencyId, String(dataset.year), ...fields]),
  );
  return encodeCsv([DATASET_CSV_HEADER, ...rows]);
}

/** The JSON Schema of a report, published beside the datasets. */
export function renderReportJsonSchema(): string {
  const schema = z.toJSONSchema(ReportSchema, { io: 'output', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: '政府信息公开工作年度报告（canonical report）' }, null, 2)}\n`;
}
