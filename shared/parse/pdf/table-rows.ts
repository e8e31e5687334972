/**
 * The rows of a table read from text positions (`band-rows.ts` finds them): rows of figures with the labels
 * beside them, and rows of text beside no figures — headers ("信息内容 | 本年制发件数 | …") and full-width rows
 * ("第二十条第（一）项"). `table-grid.ts` lays them out as the shared grid.
 */
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

/** Share of the smaller height two vertical ranges overlap (0 when they do not). */
export function verticalOverlap(a: { top: number; bottom: number }, b: { top: number; bottom: number }): number {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  const smaller = Math.min(a.bottom - a.top, b.bottom - b.top);
  return smaller > 0 ? overlap / smaller : 0;
}

/** Texts beside no figures, grouped into rows by vertical overlap: headers and full-width rows. */
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
