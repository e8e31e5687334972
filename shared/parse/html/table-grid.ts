/**
 * HTML table → rectangular grid, following the HTML table model: rowspan/colspan are expanded and every
 * covered position holds a `spanned` copy of its origin cell (see `../grid.ts`).
 */
import type { Grid, GridCell } from '../grid.ts';
import { readCellText } from './cell-text.ts';
import { attrOf, type HtmlElement, isElement } from './dom.ts';

/** Far above the 15 columns of the widest official table; bounds memory on absurd markup. */
const MAX_COLSPAN = 100;
const MAX_COLUMNS = 1000;

/** The table's own rows: `<tr>` directly in the table or in its thead/tbody/tfoot, never a nested table's. */
export function tableRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (ROW_GROUPS.has(child.tagName)) {
      for (const row of child.childNodes) if (isElement(row) && row.tagName === 'tr') rows.push(row);
    }
  }
  return rows;
}

const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);

/** A row's cells, `<td>` and `<th>` in order. */
function cellsOf(row: HtmlElement): HtmlElement[] {
  const cells: HtmlElement[] = [];
  for (const child of row.childNodes) {
    if (isElement(child) && (child.tagName === 'td' || child.tagName === 'th')) cells.push(child);
  }
  return cells;
}

function spanOf(cell: HtmlElement, name: 'rowspan' | 'colspan'): number | undefined {
  // Most cells carry no span at all; looking that up costs less than parsing a missing one.
  if (cell.attrs.length === 0) return undefined;
  const attr = attrOf(cell, name);
  if (attr === undefined) return undefined;
  const value = Number.parseInt(attr.trim(), 10);
  return Number.isNaN(value) ? undefined : value;
}

/** rowspan=0 means "to the end of the table" in HTML; a span never reaches past the last row. */
function clampRowspan(value: number | undefined, rowsLeft: number): number {
  if (value === undefined || value < 0) return 1;
  if (value === 0) return rowsLeft;
  return Math.min(value, rowsLeft);
}

/** colspan=0 or garbage counts as 1, as browsers do. */
function clampColspan(value: number | undefined): number {
  if (value === undefined || value < 1) return 1;
  return Math.min(value, MAX_COLSPAN);
}

type Slots = (GridCell | undefined)[][];

function placeCell(slots: Slots, row: number, column: number, cell: HtmlElement): number {
  const rowspan = clampRowspan(spanOf(cell, 'rowspan'), slots.length - row);
  const colspan = Math.min(clampColspan(spanOf(cell, 'colspan')), MAX_COLUMNS - column);
  const text = readCellText(cell);
  const origin: GridCell = { text };
  if (rowspan === 1 && colspan === 1) {
    (slots[row] as (GridCell | undefined)[])[column] = origin;
    return 1;
  }
  const copy: GridCell = { text, spanned: true };
  for (let dr = 0; dr < rowspan; dr++) {
    const target = slots[row + dr] as (GridCell | undefined)[];
    for (let dc = 0; dc < colspan; dc++) target[column + dc] = dr === 0 && dc === 0 ? origin : copy;
  }
  return colspan;
}

/** Columns up to the last one holding an origin cell; columns of nothing but span copies carry no text. */
function usedWidth(slots: Slots): number {
  let width = 0;
  for (const row of slots) {
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c] && !row[c]?.spanned) {
        width = c + 1;
        break;
      }
    }
  }
  return width;
}

function rectangular(row: readonly (GridCell | undefined)[], width: number, blank: GridCell): GridCell[] {
  const cells = new Array<GridCell>(width);
  for (let c = 0; c < width; c++) cells[c] = row[c] ?? blank;
  return cells;
}

export function readTableGrid(table: HtmlElement): Grid {
  const rows = tableRows(table);
  const slots: Slots = rows.map(() => []);
  rows.forEach((tr, r) => {
    const occupied = slots[r] as (GridCell | undefined)[];
    let column = 0;
    for (const cell of cellsOf(tr)) {
      while (occupied[column]) column++;
      if (column >= MAX_COLUMNS) break;
      column += placeCell(slots, r, column, cell);
    }
  });
  // Word ends tables that have merged cells with a `<tr height=0>` of empty cells fixing column widths
  // (inside `<![if !supportMisc]>`); a row without any text carries nothing.
  const kept = slots.filter((row) => row.some((cell) => cell !== undefined && cell.text !== ''));
  const width = usedWidth(kept);
  const blank: GridCell = { text: '' };
  return { rows: kept.map((row) => rectangular(row, width, blank)) };
}
