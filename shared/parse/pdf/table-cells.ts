/**
 * Table text → cells. Figures are found first; a row of the table is wherever figures share a line.
 * Label lines stacked under each other join into one cell ("（二）部分公开（区分处理的，只计这一情" /
 * "形，不计其他情形）", "商 业 企" / "业") unless the lower line starts its own item ("2.其他法律…") or
 * the two lines sit beside two different rows of figures.
 */
import { isNumericText, isPlaceholderText, startsWithEnumerator } from './piece-text.ts';
import { joinPieces } from './text-lines.ts';
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
  const blocks = joinStackedLines(
    fragments.filter((f) => !isFigure(f)),
    (f) => rowIndexOf(f, rows),
  ).map((piece) => ({ piece, rows: rowsBeside(piece, rows) }));
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

function joinStackedLines(texts: readonly TextPiece[], rowOf: (f: TextPiece) => number): TextPiece[] {
  const blocks: { piece: TextPiece; lastLine: TextPiece; row: number }[] = [];
  for (const line of [...texts].sort((a, b) => a.top - b.top || a.x - b.x)) {
    const row = rowOf(line);
    const open = blocks.findLast((b) => continues(b.lastLine, line) && (b.row < 0 || row < 0 || b.row === row));
    if (open && !startsWithEnumerator(line.text)) {
      open.piece = joinPieces(open.piece, line);
      open.lastLine = line;
      if (open.row < 0) open.row = row;
    } else {
      blocks.push({ piece: line, lastLine: line, row });
    }
  }
  return blocks.map((b) => b.piece);
}

/** The lower line starts under the upper one (or a little indented) and right below it. */
function continues(upper: TextPiece, lower: TextPiece): boolean {
  const size = Math.max(upper.size, lower.size);
  const gap = lower.top - upper.bottom;
  return (
    upper.page === lower.page &&
    lower.x >= upper.x - 0.5 * size &&
    lower.x <= upper.x + 3 * size &&
    gap >= -0.3 * size &&
    gap <= 1.3 * size
  );
}
