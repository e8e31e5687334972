/**
 * The figures of the sample PDFs as transcribed by hand (`test/fixtures/pdf/*.expected.json`), and a
 * reader of the figure rows of a grid, so reader and end-to-end tests compare against one transcription.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { type Grid, originTexts } from '#shared/parse/grid.ts';
import { APPLICANT_COLUMNS, PROACTIVE_2021_ROWS, REVIEW_COLUMNS } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';

const Figures = z.array(z.number());

export const SampleExpectation = z.strictObject({
  source: z.string(),
  transcribedFrom: z.string(),
  title: z.string(),
  year: z.number(),
  format: z.enum(['2021', '2019']),
  shapes: z.strictObject({ proactiveDisclosure: z.enum(['2021', '2019']), applications: z.enum(['25-row', '23-row']) }),
  proactiveDisclosure: z.record(z.string(), Figures),
  applications: z.record(z.string(), Figures),
  reviewsAndLawsuits: z.record(z.string(), Figures),
});
export type SampleExpectation = z.infer<typeof SampleExpectation>;

export const SAMPLE_NAMES = [
  '2024-huaian-city-government',
  '2023-huaian-hongze-district-government',
  '2024-huaian-hongze-district-government',
] as const;

const fixtures = new URL('../../../fixtures/pdf/', import.meta.url);
const samples = new URL('../../../fixtures/samples/', import.meta.url);

export function expectationOf(name: string): SampleExpectation {
  return SampleExpectation.parse(JSON.parse(readFileSync(new URL(`${name}.expected.json`, fixtures), 'utf8')));
}

export function samplePdf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`${name}.pdf`, samples)));
}

export function fixtureFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, fixtures)));
}

export interface FigureRow {
  readonly labels: readonly string[];
  readonly figures: readonly number[];
}

/** Rows of a grid that end in figures: their label cells and the trailing figures (merged copies skipped). */
export function figureRowsOf(grid: Grid): FigureRow[] {
  return grid.rows.flatMap((row) => {
    const texts = originTexts(row);
    let start = texts.length;
    while (start > 0 && /^\d+(?:\.\d+)?$/.test(texts[start - 1] ?? '')) start--;
    if (start === texts.length) return [];
    // A blank cell between a label and the figures (a leaf cell left empty) is no label.
    return [{ labels: texts.slice(0, start).filter((t) => t !== ''), figures: texts.slice(start).map(Number) }];
  });
}

/** Every cell of the three tables as `path → figure`, from the transcription. */
export function expectedCells(expected: SampleExpectation): Map<string, number> {
  const cells = new Map<string, number>();
  for (const row of PROACTIVE_2021_ROWS) {
    row.columns.forEach((column, i) => {
      cells.set(`proactiveDisclosure.${row.key}.${column}`, expected.proactiveDisclosure[row.key]?.[i] ?? Number.NaN);
    });
  }
  for (const [row, figures] of Object.entries(expected.applications)) {
    APPLICANT_COLUMNS.forEach((c, i) => {
      cells.set(`applications.${row}.${c.key}`, figures[i] ?? Number.NaN);
    });
  }
  for (const [group, figures] of Object.entries(expected.reviewsAndLawsuits)) {
    REVIEW_COLUMNS.forEach((c, i) => {
      cells.set(`reviewsAndLawsuits.${group}.${c.key}`, figures[i] ?? Number.NaN);
    });
  }
  return cells;
}

/** The same cells read from a report (undefined where the report has no such cell). */
export function reportCells(report: Report, paths: Iterable<string>): Map<string, unknown> {
  const tables: Record<string, unknown> = report;
  const cells = new Map<string, unknown>();
  for (const path of paths) {
    const value = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tables);
    cells.set(path, value);
  }
  return cells;
}
