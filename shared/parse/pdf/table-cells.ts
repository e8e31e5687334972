/**
 * Table text → cells. Figures are found first; a row of the table is wherever figures share a line.
 * Text lines stacked under each other in one cell are then joined (see `stacked-lines.ts`).
 */
import { isNumericText, isPlaceholderText } from './piece-text.ts';
import { joinStackedLines } from './stacked-lines.ts';
import type { TextPiece } from './text-pieces.ts';

export interface FigureRow {
  readonly top: number;
  readonly bottom: number;
}

export interface TableCells {
  /** Rows of figures, top to bottom. */
  readonly rows: readonly FigureRow[];
  /** Where the leftmost figure starts: everything left of it is a label. */
  readonly valueLeft: number;
  /** Figures and placeholders, one per value cell. */
  readonly figures: readonly TextPiece[];
  /** Every other text, lines of one cell joined. */
  readonly blocks: readonly TextBlock[];
}

export interface TextBlock {
  readonly piece: TextPiece;
  /** The rows of figures the text sits beside: none (headers), one, or several (a group label). */
  readonly rows: readonly number[];
}

export function findCells(fragments: readonly TextPiece[]): TableCells {
  const numeric = fragments.filter((f) => isNumericText(f.text));
  const valueLeft = numeric.length > 0 ? Math.min(...numeric.map((f) => f.x)) : Number.POSITIVE_INFINITY;
  const isFigure = (f: TextPiece) => isNumericText(f.text) || (isPlaceholderText(f.text) && f.x >= valueLeft - f.size);
  const figures = fragments.filter(isFigure);
  const rows = figureRows(figures);
  const blocks = joinStackedLines(fragments, {
    isFigure,
    isValueArea: (f) => f.x >= valueLeft - 0.5 * f.size,
    rowOf: (f) => rowIndexOf(f, rows),
  }).map((piece) => ({ piece, rows: rowsBeside(piece, rows) }));
  return { rows, valueLeft, figures, blocks };
}

/** Share of the smaller height two vertical ranges must overlap to be beside each other. */
const BESIDE = 0.3;

export function verticalOverlap(a: { top: number; bottom: number }, b: { top: number; bottom: number }): number {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  const smaller = Math.min(a.bottom - a.top, b.bottom - b.top);
  return smaller > 0 ? overlap / smaller : 0;
}

function figureRows(figures: readonly TextPiece[]): FigureRow[] {
  const rows: { top: number; bottom: number }[] = [];
  for (const f of [...figures].sort((a, b) => a.top - b.top)) {
    const last = rows.at(-1);
    if (last && verticalOverlap(last, f) >= 0.4) {
      last.top = Math.min(last.top, f.top);
      last.bottom = Math.max(last.bottom, f.bottom);
    } else {
      rows.push({ top: f.top, bottom: f.bottom });
    }
  }
  return rows;
}

/** The row of figures a text sits beside (the one it overlaps most), or −1. */
export function rowIndexOf(piece: { top: number; bottom: number }, rows: readonly FigureRow[]): number {
  let best = -1;
  let bestOverlap = BESIDE;
  rows.forEach((row, i) => {
    const overlap = verticalOverlap(row, piece);
    if (overlap >= bestOverlap) [best, bestOverlap] = [i, overlap];
  });
  return best;
}

/** Every row a text overlaps; a wrapped label is judged as a whole, its figures being centred on it. */
function rowsBeside(piece: TextPiece, rows: readonly FigureRow[]): number[] {
  return rows.flatMap((row, i) => (verticalOverlap(row, piece) >= BESIDE ? [i] : []));
}
