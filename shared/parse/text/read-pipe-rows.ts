/**
 * Layout 4 (docs/spec/format-notes.md §5): one table row per line, cells between pipes — "a | b | c |", markdown
 * "| a | b |" with its "|---|---|" line, padding cells from colspans ("第二十条第(一)项 | |||") and
 * double spaces before pipes. Lines without a pipe are prose.
 */
import { isLabelText, isValueText } from '../cell-value.ts';
import type { ReadDocument } from '../grid.ts';
import { collectBlocks } from './block-collector.ts';

const MARKDOWN_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;

/** Splits a pipe row; the outer pipes of "| a | b |" delimit the row, they do not add empty cells. */
export function splitPipeRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').map((c) => c.trim());
}

/**
 * Where the figures start, as the header rows above them show it: the first column after the first that a header
 * row names ("申请人情况" over the section-3 figures). Label columns to its left are merged in the original, so a
 * row leaves blank padding there ("| 三、本年度办理结果 | （一）予以公开 |  | 258 |"), while a blank cell to its
 * right is an empty figure.
 */
function firstNamedColumn(headers: readonly (readonly string[])[]): number | null {
  let first: number | null = null;
  for (const row of headers) {
    const i = row.findIndex((c, k) => k > 0 && c !== '');
    if (i > 0 && (first === null || i < first)) first = i;
  }
  return first;
}

/** Drops the blank padding of merged label columns, so the figures keep the places the header gives them. */
function alignedToHeader(cells: readonly string[], first: number | null): readonly string[] {
  if (first === null || first >= cells.length) return cells;
  const labels = cells.slice(0, first);
  // Without a label there is no merged label to pad (表四 has no label column): a blank is then an empty figure.
  if (labels.some(isValueText) || !labels.includes('') || !labels.some(isLabelText)) return cells;
  return labels.filter((c) => c !== '').concat(cells.slice(first));
}

export function readPipeRows(lines: readonly string[]): ReadDocument {
  const out = collectBlocks();
  let headers: string[][] = [];
  let afterFigures = false;
  for (const line of lines) {
    const t = line.trim();
    if (t === '' || MARKDOWN_SEPARATOR.test(t)) continue;
    if (!t.includes('|')) {
      out.paragraph(t);
      headers = [];
      afterFigures = false;
      continue;
    }
    const cells = splitPipeRow(t);
    if (cells.some(isValueText)) {
      out.row(alignedToHeader(cells, firstNamedColumn(headers)));
      afterFigures = true;
      continue;
    }
    // A row without figures after rows with them begins the header of the next table part.
    if (afterFigures) headers = [];
    afterFigures = false;
    headers.push(cells);
    out.row(cells);
  }
  return out.finish('text/pipe-rows');
}
