/**
 * The ruled tables of a document, page breaks mended. A table that ends one page and one that starts
 * the next, with nothing printed between them, are one table; where their columns line up, a merged
 * label cell cut by the page break ("（五）不予处理" over rows on both pages) goes on over the rows of the
 * next page instead of leaving them without a group.
 */
import { readCellValue } from '../cell-value.ts';
import type { Grid, GridCell } from '../grid.ts';
import { joinRuns, startsWithEnumerator } from './piece-text.ts';
import { bordersBeside, cellAt, gridRowsOf, type RuledTable, ruledTableOf } from './ruled-grid.ts';
import { figureAdvanceOf, splitAtBorders } from './run-splits.ts';
import { type Lattice, latticesOf } from './table-lattice.ts';
import type { Rule } from './table-rules.ts';
import type { TextPiece } from './text-pieces.ts';

export interface PlacedTable {
  readonly top: number;
  readonly bottom: number;
  readonly grid: Grid;
}

export interface RuledTables {
  readonly tables: readonly PlacedTable[];
  /** The text runs read as table cells; every other run is the document's flowing text. */
  readonly inTables: ReadonlySet<TextPiece>;
}

/** Column lines this close (points) are the same column edge on two pages. */
const SAME_COLUMN = 3;

export function ruledTablesOf(pieces: readonly TextPiece[], rules: readonly Rule[]): RuledTables {
  const byPage = new Map<number, Rule[]>();
  for (const rule of rules) {
    const onPage = byPage.get(rule.page);
    if (onPage) onPage.push(rule);
    else byPage.set(rule.page, [rule]);
  }
  const tables: RuledTable[] = [];
  const inTables = new Set<TextPiece>();
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
    const onPage = pieces.filter((p) => p.page === page);
    const figureAdvance = figureAdvanceOf(onPage);
    for (const lattice of latticesOf(byPage.get(page) ?? [])) {
      const inside = onPage.filter((p) => cellAt(lattice, p) >= 0);
      // An empty frame (a box drawn around nothing, a signature line grid) is no table.
      if (inside.length === 0) continue;
      for (const p of inside) inTables.add(p);
      const cut = inside.flatMap((p) => splitAtBorders(p, bordersBeside(lattice, p), figureAdvance));
      tables.push(ruledTableOf(lattice, cut));
    }
  }
  const flowing = pieces.filter((p) => !inTables.has(p));
  return { tables: placed(tables, flowing), inTables };
}

const topOf = (l: Lattice) => l.ys[0] ?? 0;
const bottomOf = (l: Lattice) => l.ys.at(-1) ?? 0;

/** Tables in document order, a table continued on the next page joined to its first part. */
function placed(tables: readonly RuledTable[], flowing: readonly TextPiece[]): PlacedTable[] {
  const out: { top: number; bottom: number; rows: GridCell[][]; last: RuledTable }[] = [];
  for (const table of tables) {
    const previous = out.at(-1);
    const rows = gridRowsOf(table).map((row) => [...row]);
    if (previous && continues(previous.last, table, flowing)) {
      const upperRows = previous.rows.slice(-previous.last.lattice.cellOf.length);
      if (sharesColumns(previous.last.lattice, table.lattice)) {
        if (isRowRest(previous.last, previous.rows, table)) joinRowRest(previous.last, upperRows, table, rows);
        else mendBreak(previous.last, upperRows, table, rows);
      }
      previous.rows.push(...rows);
      previous.bottom = bottomOf(table.lattice);
      previous.last = table;
    } else {
      out.push({ top: topOf(table.lattice), bottom: bottomOf(table.lattice), rows, last: table });
    }
  }
  return out.map(({ top, bottom, rows }) => ({ top, bottom, grid: { rows } }));
}

/** The next page's first table goes on from this page's last one when no text stands between them. */
function continues(upper: RuledTable, lower: RuledTable, flowing: readonly TextPiece[]): boolean {
  if (lower.lattice.page !== upper.lattice.page + 1) return false;
  const from = bottomOf(upper.lattice);
  const to = topOf(lower.lattice);
  return !flowing.some((p) => p.bottom > from && p.top < to);
}

/**
 * The upper part's cell above each slot of the lower part's first row: the column with the same edges
 * (a part may lack a column the other has, where a label merged over the page break is not drawn again).
 */
function cellsAbove(upper: Lattice, lower: Lattice): number[] {
  const last = upper.cellOf.at(-1) ?? [];
  const near = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && Math.abs(a - b) <= SAME_COLUMN;
  return lower.xs.slice(0, -1).map((left, c) => {
    const u = upper.xs.findIndex((x, k) => near(x, left) && near(upper.xs[k + 1], lower.xs[c + 1]));
    return u >= 0 ? (last[u] ?? -1) : -1;
  });
}

/** Some column of the lower part lines up with one of the upper part. */
function sharesColumns(upper: Lattice, lower: Lattice): boolean {
  return cellsAbove(upper, lower).some((cell) => cell >= 0);
}

const isLabel = (text: string) => readCellValue(text).kind === 'text';

/**
 * Mends the label cells the page break cut: a cell of the lower part's first row goes on from the label
 * above it when it is empty, or when it is a group label (another label follows it in the row) whose
 * text does not start an item of its own ("（四）无" / "法提供"). A row's own label never does: "行政规范性
 * 文件" under "规章" is the next row, not the rest of the one above.
 */
function mendBreak(upper: RuledTable, upperRows: GridCell[][], lower: RuledTable, lowerRows: GridCell[][]): void {
  const first = lower.lattice.cellOf[0] ?? [];
  joinAcrossBreak(upper, upperRows, lower, lowerRows, (upperText, own, cell, c) => {
    if (!isLabel(upperText)) return null;
    const groupLabel = first.some((other, k) => k > c && other !== cell && isLabel(lower.texts[other] ?? ''));
    return own === '' ? upperText : groupLabel && !startsWithEnumerator(own) ? joinRuns(upperText, own) : null;
  });
}

/**
 * The lower part's first row is the rest of the upper part's last row, cut by the page break (a row may
 * break across pages): it holds no figure, no cell of it starts an item of its own, and it is not the
 * header printed again at the top of the page.
 */
function isRowRest(upper: RuledTable, upperRows: readonly GridCell[][], lower: RuledTable): boolean {
  const texts = (lower.lattice.cellOf[0] ?? []).map((cell) => lower.texts[cell] ?? '');
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0 || filled.some((t) => !isLabel(t) || startsWithEnumerator(t))) return false;
  const printedAbove = new Set(upperRows.flatMap((row) => row.map((c) => c.text)));
  if (filled.every((t) => printedAbove.has(t))) return false;
  const last = upper.lattice.cellOf.at(-1) ?? [];
  return last.some((cell) => isLabel(upper.texts[cell] ?? ''));
}

/** Joins the rest of a cut row to the row above: each cell's lines go on in the cell above. */
function joinRowRest(upper: RuledTable, upperRows: GridCell[][], lower: RuledTable, lowerRows: GridCell[][]): void {
  joinAcrossBreak(upper, upperRows, lower, lowerRows, (upperText, own) => joinRuns(upperText, own));
}

/**
 * Gives each cell of the lower part's first row that has a cell above it the text `joined` makes of the two
 * (null leaves both as they are): the upper cell holds it, and the lower one becomes its spanned copy.
 */
function joinAcrossBreak(
  upper: RuledTable,
  upperRows: GridCell[][],
  lower: RuledTable,
  lowerRows: GridCell[][],
  joined: (upperText: string, own: string, cell: number, column: number) => string | null,
): void {
  const above = cellsAbove(upper.lattice, lower.lattice);
  const first = lower.lattice.cellOf[0] ?? [];
  first.forEach((cell, c) => {
    if (c > 0 && first[c - 1] === cell) return;
    const upperCell = above[c] ?? -1;
    if (upperCell < 0) return;
    const text = joined(upper.texts[upperCell] ?? '', lower.texts[cell] ?? '', cell, c);
    if (text === null) return;
    rewrite(upperRows, upper.lattice, upperCell, (slot) => ({ ...slot, text }));
    rewrite(lowerRows, lower.lattice, cell, () => ({ text, spanned: true }));
  });
}

function rewrite(rows: GridCell[][], lattice: Lattice, cell: number, to: (slot: GridCell) => GridCell): void {
  lattice.cellOf.forEach((ids, r) => {
    ids.forEach((id, c) => {
      const row = rows[r];
      const slot = row?.[c];
      if (id === cell && row && slot) row[c] = to(slot);
    });
  });
}
