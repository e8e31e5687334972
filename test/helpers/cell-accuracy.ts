/** How many of a designed report's cells a reader got back: read as designed, left empty, or wrong (invented). */
import type { Report } from '#shared/report/model.ts';
import { readCellValues } from '#shared/report/paths.ts';

export interface CellAccuracy {
  readonly cells: number;
  readonly read: number;
  /** Cells the reader left null although the designed report has a figure there. */
  readonly missing: readonly string[];
  /** Cells the reader filled with a figure the designed report does not have there: never acceptable. */
  readonly wrong: readonly string[];
}

export function cellAccuracy(expected: Report, got: Report | null | undefined): CellAccuracy {
  const want = readCellValues(expected);
  const have = got && got.shapes.applications === expected.shapes.applications ? readCellValues(got) : null;
  const missing: string[] = [];
  const wrong: string[] = [];
  want.refs.forEach((ref, i) => {
    const w = want.values[i] ?? null;
    const h = have ? (have.at(ref.path) ?? null) : null;
    if (h === w) return;
    if (h === null) missing.push(ref.path);
    else wrong.push(ref.path);
  });
  return { cells: want.refs.length, read: want.refs.length - missing.length - wrong.length, missing, wrong };
}
