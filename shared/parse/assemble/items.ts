/**
 * A document flattened into one sequence: each paragraph and each table row is an item. Part headings
 * sit between items, and a table may be split over several grids (page breaks), so the assembler reads
 * rows by position in this sequence rather than grid by grid.
 */
import type { ReadDocument } from '../grid.ts';

export type Item =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'row'; readonly cells: PrintedRow };

/** A row's printed cells; `figuresFollowLabels` when its reader vouches that its figures start after its labels. */
export type PrintedRow = readonly string[] & { readonly figuresFollowLabels?: boolean };

export function itemsOf(doc: ReadDocument): Item[] {
  const items: Item[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      if (block.text !== '') items.push({ kind: 'paragraph', text: block.text });
      continue;
    }
    for (const row of block.grid.rows) {
      const cells: string[] = [];
      let filled = false;
      for (const cell of row) {
        if (cell.spanned) continue;
        cells.push(cell.text);
        if (cell.text !== '') filled = true;
      }
      if (filled) items.push({ kind: 'row', cells: block.grid.figuresFollowLabels ? anchored(cells) : cells });
    }
  }
  return items;
}

function anchored(cells: string[]): PrintedRow {
  return Object.assign(cells, { figuresFollowLabels: true });
}

/** Part of a printed row as a row of its own, vouched for as its reader vouched for the whole. */
export function pieceOf(row: PrintedRow, cells: string[]): PrintedRow {
  return row.figuresFollowLabels ? anchored(cells) : cells;
}

/** The printed lines of an item: a paragraph, or each filled cell of a row. */
export function linesOf(item: Item): string[] {
  return item.kind === 'paragraph' ? [item.text] : item.cells.filter((c) => c !== '');
}
