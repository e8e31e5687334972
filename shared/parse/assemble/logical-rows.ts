/**
 * Printed rows → logical rows (label cells, then the value cells that follow). Readers keep rows as the
 * page had them, which is not always one template row per grid row: a merged group label leaves empty
 * cells in front ("", "（二）部分公开…"), a wrapped label or a PDF line puts the label on its own row
 * and the figures on the next, and a flattened table may put several template rows in one grid row.
 */
import { readCellValue } from '../cell-value.ts';
import type { PrintedRow } from './items.ts';
import { matchForm } from './match-form.ts';

export interface LogicalRow {
  /** Label cells, outermost first; the last one is the leaf. Includes labels carried from rows above. */
  readonly labels: readonly string[];
  /** How many of `labels` were printed in this row itself. */
  readonly ownLabels: number;
  /** The cells after the leaf label, as printed (blank cells included). */
  readonly values: readonly string[];
  /** The leaf label in match form ('' when the row has no label), computed once for every matcher. */
  readonly leafForm: string;
  /** The reader vouches that the figures start right after the labels (see `Grid.figuresFollowLabels`). */
  readonly figuresFollowLabels: boolean;
}

function logicalRow(
  labels: readonly string[],
  ownLabels: number,
  values: readonly string[],
  figuresFollowLabels = false,
): LogicalRow {
  const leaf = labels[labels.length - 1];
  return { labels, ownLabels, values, leafForm: leaf === undefined ? '' : matchForm(leaf), figuresFollowLabels };
}

/** Labels printed alone on rows above a row of figures (a wrapped label, a group label). */
const MAX_CARRIED_LABELS = 4;

function allBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '') return false;
  return true;
}

export function logicalRowsOf(rows: readonly PrintedRow[]): LogicalRow[] {
  const out: LogicalRow[] = [];
  let carried: string[] = [];
  for (const cells of rows) {
    let labels: string[] = [];
    let values: string[] | null = null;
    let leadingBlanks = 0;
    for (const cell of cells) {
      const kind = readCellValue(cell).kind;
      if (kind === 'text') {
        if (values !== null && !allBlank(values)) {
          out.push(logicalRow(carried.concat(labels), labels.length, values, cells.figuresFollowLabels));
          carried = [];
          labels = [];
        }
        // Blank cells between two labels are the copies of a merged cell, not figures.
        values = null;
        leadingBlanks = 0;
        labels.push(cell);
      } else if (values !== null) {
        values.push(cell);
      } else if (kind === 'blank' && labels.length === 0) {
        leadingBlanks++;
      } else {
        // Blanks before unlabeled figures are figures (table 4 has no label column).
        values = labels.length === 0 ? new Array<string>(leadingBlanks).fill('') : [];
        values.push(cell);
      }
    }
    if (values !== null && !allBlank(values)) {
      out.push(logicalRow(carried.concat(labels), labels.length, values, cells.figuresFollowLabels));
      carried = [];
    } else if (labels.length === 1) {
      carried.push(labels[0] as string);
      if (carried.length > MAX_CARRIED_LABELS) carried.shift();
    } else if (labels.length > 1) {
      // A row of several labels and no figures is a header row: it names columns, not the next row.
      carried = [];
    }
  }
  return out;
}
