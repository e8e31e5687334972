/**
 * A ruled table's text → the shared grid. Every text run goes to the lattice slot its centre lies in,
 * and so to the merged cell holding that slot: a label wrapped over three lines, or printed one
 * character a line, is one cell whatever the lines' spacing, and a figure belongs to the row band that
 * contains it, never to the line it happens to share a baseline with. A merged cell's text sits in its
 * first slot and `spanned` copies fill the rest, as the HTML reader lays out rowspan and colspan.
 */
import type { GridCell, GridRow } from '../grid.ts';
import { joinRuns, tidyText } from './piece-text.ts';
import type { Lattice } from './table-lattice.ts';
import { groupLines } from './text-lines.ts';
import type { TextPiece } from './text-pieces.ts';

export interface RuledTable {
  readonly lattice: Lattice;
  /** The text of each merged cell (by `lattice.cellOf` number). */
  readonly texts: readonly string[];
}

/** Where in a lattice a point lies: the band index, or −1 outside. */
function bandIndex(lines: readonly number[], at: number): number {
  if (at < (lines[0] ?? 0) || at > (lines.at(-1) ?? 0)) return -1;
  for (let i = 1; i < lines.length; i++) if (at <= (lines[i] as number)) return i - 1;
  return -1;
}

/** The merged cell a text run's centre lies in, or −1 when it is outside the table. */
export function cellAt(lattice: Lattice, piece: TextPiece): number {
  if (piece.page !== lattice.page) return -1;
  const r = bandIndex(lattice.ys, (piece.top + piece.bottom) / 2);
  const c = bandIndex(lattice.xs, (piece.x + piece.right) / 2);
  return r < 0 || c < 0 ? -1 : (lattice.cellOf[r]?.[c] ?? -1);
}

/** The x positions of the cell borders on the row band a run's centre lies in. */
export function bordersBeside(lattice: Lattice, piece: TextPiece): number[] {
  const r = bandIndex(lattice.ys, (piece.top + piece.bottom) / 2);
  const slots = lattice.cellOf[r] ?? [];
  return slots.flatMap((cell, c) =>
    c + 1 < slots.length && slots[c + 1] !== cell ? [lattice.xs[c + 1] as number] : [],
  );
}

/** The cell texts of a lattice from the runs inside it (`pieces` may hold runs of other tables and pages). */
export function ruledTableOf(lattice: Lattice, pieces: readonly TextPiece[]): RuledTable {
  const count = Math.max(0, ...lattice.cellOf.flat().map((n) => n + 1));
  const inCell: TextPiece[][] = Array.from({ length: count }, () => []);
  for (const piece of pieces) inCell[cellAt(lattice, piece)]?.push(piece);
  return { lattice, texts: inCell.map(cellText) };
}

/** The lines of a cell top to bottom, each line's runs left to right. */
function cellText(pieces: readonly TextPiece[]): string {
  let text = '';
  for (const line of groupLines(pieces)) for (const f of line.fragments) text = joinRuns(text, f.text);
  return tidyText(text);
}

/** The table's rows, a merged cell's text in its first slot and spanned copies in the rest. */
export function gridRowsOf(table: RuledTable): GridRow[] {
  const seen = new Set<number>();
  return table.lattice.cellOf.map((slots) =>
    slots.map((cell): GridCell => {
      const text = table.texts[cell] ?? '';
      if (seen.has(cell)) return { text, spanned: true };
      seen.add(cell);
      return { text };
    }),
  );
}
