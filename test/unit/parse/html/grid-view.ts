/** Compact views of reader output for assertions: a spanned copy shows as "^text". */
import type { Block, Grid, ReadDocument } from '#shared/parse/grid.ts';

export function gridView(grid: Grid): string[][] {
  return grid.rows.map((row) => row.map((cell) => (cell.spanned ? `^${cell.text}` : cell.text)));
}

export function tables(doc: ReadDocument): Grid[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.grid] : []));
}

export function paragraphs(doc: ReadDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

/** Every text the reader produced, paragraphs and cells alike. */
export function allText(doc: ReadDocument): string {
  return doc.blocks
    .map((b: Block) => (b.kind === 'paragraph' ? b.text : b.grid.rows.flatMap((r) => r.map((c) => c.text)).join('|')))
    .join('\n');
}

/** Block kinds in order, e.g. ["p", "table", "p"]. */
export function outline(doc: ReadDocument): string[] {
  return doc.blocks.map((b) => (b.kind === 'paragraph' ? 'p' : 'table'));
}
