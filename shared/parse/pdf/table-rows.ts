/**
 * Cells → table rows. Each row of figures takes the labels beside it (a wrapped label is vertically
 * centred on its figures, so "beside" means overlapping, not sharing a baseline). A group label that
 * spans many rows ("（三）不予公开", or "三、本年度办理结果" printed one character per line) lands
 * beside whichever rows it happens to overlap, or between them; it is kept with the nearest row and
 * sorted out into a merged cell later. Text that is beside no figures forms rows of its own: headers
 * ("信息内容 | 本年制发件数 | …") and full-width rows ("第二十条第（一）项").
 */
import { findCells, rowIndexOf, verticalOverlap } from './table-cells.ts';
import type { TextPiece } from './text-pieces.ts';

export interface FigureTableRow {
  readonly kind: 'figures';
  readonly top: number;
  readonly bottom: number;
  /** Label texts left of the figures, left to right; the rightmost is the row's own label. */
  readonly labels: readonly TextPiece[];
  /** Texts of merged group cells that were found beside or near this row. */
  readonly groupLabels: readonly TextPiece[];
  /** Value cells left to right: figures, placeholders and any text printed in a value cell. */
  readonly values: readonly TextPiece[];
}

export interface TextTableRow {
  readonly kind: 'text';
  readonly top: number;
  readonly bottom: number;
  readonly blocks: readonly TextPiece[];
}

export type TableRow = FigureTableRow | TextTableRow;

export interface TableRows {
  readonly rows: readonly TableRow[];
  /** Where the leftmost figure starts (infinite when the table has no figures). */
  readonly valueLeft: number;
}

export function tableRowsOf(fragments: readonly TextPiece[]): TableRows {
  const cells = findCells(fragments);
  const labels = cells.rows.map((): TextPiece[] => []);
  const groupLabels = cells.rows.map((): TextPiece[] => []);
  const values = cells.rows.map((): TextPiece[] => []);
  const isLabel = (p: TextPiece) => p.x < cells.valueLeft - 0.5 * p.size;
  for (const figure of cells.figures) values[rowIndexOf(figure, cells.rows)]?.push(figure);
  const floating: TextPiece[] = [];
  for (const { piece, rows } of cells.blocks) {
    const [first] = rows;
    if (first === undefined) floating.push(piece);
    else if (!isLabel(piece)) values[first]?.push(piece);
    else (rows.length > 1 ? groupLabels : labels)[first]?.push(piece);
  }
  const texts: TextPiece[] = [];
  for (const piece of floating) {
    const row = groupLabelRow(piece, cells.rows, labels);
    if (row >= 0 && isLabel(piece)) groupLabels[row]?.push(piece);
    else texts.push(piece);
  }
  const figureRows: TableRow[] = cells.rows.map((row, i) => ({
    kind: 'figures',
    top: row.top,
    bottom: row.bottom,
    labels: byX(labels[i] ?? []),
    groupLabels: byX(groupLabels[i] ?? []),
    values: byX(values[i] ?? []),
  }));
  const rows = [...figureRows, ...textRows(texts)].sort((a, b) => a.top - b.top);
  return { rows, valueLeft: cells.valueLeft };
}

/**
 * A label between two rows of figures that starts left of the labels of the rows around it belongs to
 * a merged group cell: it goes with the nearer row. Anything else (a full-width sub-table title) is not.
 */
function groupLabelRow(
  piece: TextPiece,
  rows: readonly { top: number; bottom: number }[],
  labels: readonly (readonly TextPiece[])[],
): number {
  const centre = (piece.top + piece.bottom) / 2;
  const below = rows.findIndex((r) => r.top > centre);
  if (below <= 0) return -1;
  const above = below - 1;
  const leafX = (i: number) => Math.max(...(labels[i] ?? []).map((l) => l.x));
  const indentedPast = (i: number) => leafX(i) > piece.x + 0.5 * piece.size;
  if (!indentedPast(above) || !indentedPast(below)) return -1;
  const distance = (i: number) => Math.abs(((rows[i]?.top ?? 0) + (rows[i]?.bottom ?? 0)) / 2 - centre);
  return distance(above) <= distance(below) ? above : below;
}

export function textRows(texts: readonly TextPiece[]): TextTableRow[] {
  const rows: { top: number; bottom: number; blocks: TextPiece[] }[] = [];
  for (const piece of [...texts].sort((a, b) => a.top - b.top)) {
    const last = rows.at(-1);
    if (last && verticalOverlap(last, piece) >= 0.3) {
      last.blocks.push(piece);
      last.top = Math.min(last.top, piece.top);
      last.bottom = Math.max(last.bottom, piece.bottom);
    } else {
      rows.push({ top: piece.top, bottom: piece.bottom, blocks: [piece] });
    }
  }
  return rows.map((r) => ({ kind: 'text', top: r.top, bottom: r.bottom, blocks: byX(r.blocks) }));
}

export function byX(pieces: readonly TextPiece[]): TextPiece[] {
  return [...pieces].sort((a, b) => a.x - b.x || a.top - b.top);
}
