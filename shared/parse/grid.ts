/**
 * The one table model every reader produces. A reader (text, HTML, DOCX, PDF) only finds where cells
 * sit; `assemble/assemble-report.ts` alone turns blocks into a report, so adding a layout never touches
 * the rest.
 */

export interface GridCell {
  /** The cell's text, width-normalised, inner whitespace collapsed, trimmed. */
  readonly text: string;
  /**
   * True when this grid position is covered by a merged cell whose text is held by another position
   * (rowspan/colspan expanded). Assembling reads origin cells only; the copies keep the grid rectangular.
   */
  readonly spanned?: boolean;
}

export type GridRow = readonly GridCell[];

export interface Grid {
  readonly rows: readonly GridRow[];
  /**
   * Set by a reader that knows each row's figures start right after its labels (LibreOffice's text export, which
   * prints the cells a merge covers before the labels; a browser's copy of paragraph cells, which has no cells for
   * merges and exact separators inside a table): empty cells past a row's figures are then padding.
   */
  readonly figuresFollowLabels?: boolean;
}

/** A document as a reader sees it: paragraphs and tables in reading order. */
export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly grid: Grid };

export interface ReadDocument {
  /** Which reader and layout produced the blocks (e.g. "text/cell-per-line", "html"), for diagnostics. */
  readonly layout: string;
  readonly blocks: readonly Block[];
}

/** Builds a grid from plain cell texts (readers that have no merged cells). */
export function gridOf(rows: readonly (readonly string[])[]): Grid {
  return { rows: rows.map((r) => r.map((text) => ({ text }))) };
}

/** The origin (non-spanned) cell texts of a row. */
export function originTexts(row: GridRow): string[] {
  return row.filter((c) => !c.spanned).map((c) => c.text);
}
