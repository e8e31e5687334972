/**
 * Collects what a plain-text reader finds, in reading order: paragraphs, and rows that join into a
 * table grid until the next paragraph. Every text layout reader builds its document through this.
 */
import type { Block, GridRow, ReadDocument } from '../grid.ts';

const WHITESPACE_RUN = /\s+/g;
const COLLAPSIBLE = /[\t\n\v\f\r]| {2}/;

/** Trims and collapses inner whitespace, as the grid contract asks of every cell. */
export function collapseWhitespace(text: string): string {
  const t = text.trim();
  if (t.length < 3) return t;
  // Decoding turned every other space character into ' '; one scan tells whether anything is left to do.
  return COLLAPSIBLE.test(t) ? t.replace(WHITESPACE_RUN, ' ') : t;
}

export interface BlockCollector {
  paragraph(text: string): void;
  row(cells: readonly string[]): void;
  /** Closes the table being collected (the next row starts a new grid). */
  endTable(options?: { readonly figuresFollowLabels?: boolean }): void;
  finish(layout: string): ReadDocument;
}

export function collectBlocks(): BlockCollector {
  const blocks: Block[] = [];
  let rows: GridRow[] = [];
  const endTable = (options: { readonly figuresFollowLabels?: boolean } = {}): void => {
    if (rows.length > 0) {
      blocks.push({
        kind: 'table',
        grid: options.figuresFollowLabels ? { rows, figuresFollowLabels: true } : { rows },
      });
    }
    rows = [];
  };
  return {
    paragraph(text) {
      const t = collapseWhitespace(text);
      if (t === '') return;
      endTable();
      blocks.push({ kind: 'paragraph', text: t });
    },
    row(cells) {
      if (cells.length > 0) rows.push(cells.map((c) => ({ text: collapseWhitespace(c) })));
    },
    endTable,
    finish(layout) {
      endTable();
      return { layout, blocks };
    },
  };
}
