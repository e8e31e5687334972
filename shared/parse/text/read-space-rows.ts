/**
 * Layout 5 (docs/spec/format-notes.md §5): one table row per line with cells separated by spaces ("规章 0 0 0"), and
 * rows of bare figures ("0 0 0 0 0 0 0") as PDF flip-book text gives them, the label on the line above.
 */
import { isValueText } from '../cell-value.ts';
import type { ReadDocument } from '../grid.ts';
import { collectBlocks } from './block-collector.ts';
import { isCellLike } from './line-kinds.ts';

/** A row line holds a label and up to 15 figures (table 4), so it is longer than a single cell. */
const MAX_ROW_LENGTH = 120;
const MIN_VALUE_LINES_IN_TABLE = 2;

const OPENING = new Set(['（', '(']);
const CLOSING = new Set(['）', ')']);

const DIGIT = /\d/;

/**
 * Splits on spaces, except inside the brackets of an annotated figure: "22（其中修订 16 件）" is one
 * cell. Only a cell that starts with a figure opens such a group, so an unclosed bracket in a wrapped
 * label cannot swallow the rest of the line.
 */
export function splitSpaceRow(line: string): string[] {
  const cells: string[] = [];
  let depth = 0;
  let start = -1;
  let figure = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === ' ' && depth === 0) {
      if (start >= 0) cells.push(line.slice(start, i));
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      figure = DIGIT.test(ch);
    }
    if (!figure) continue;
    if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch) && depth > 0) depth--;
  }
  if (start >= 0) cells.push(line.slice(start));
  return cells;
}

/** Whether a line carries figures: its last cell is a figure or a placeholder. */
export function endsInValue(cells: readonly string[]): boolean {
  const last = cells[cells.length - 1];
  return last !== undefined && isValueText(last);
}

export function readSpaceRows(lines: readonly string[]): ReadDocument {
  const out = collectBlocks();
  let run: string[][] = [];
  const endRun = (): void => {
    const isTable = run.filter(endsInValue).length >= MIN_VALUE_LINES_IN_TABLE;
    for (const cells of run) {
      if (isTable) out.row(cells);
      else out.paragraph(cells.join(' '));
    }
    out.endTable();
    run = [];
  };
  for (const line of lines) {
    const t = line.trim();
    if (t === '') continue;
    if (isCellLike(t, MAX_ROW_LENGTH)) {
      run.push(splitSpaceRow(t));
    } else {
      endRun();
      out.paragraph(t);
    }
  }
  endRun();
  return out.finish('text/space-rows');
}
