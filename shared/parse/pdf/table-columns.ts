/**
 * Columns of a table read from text positions. Label columns come from where the rows' own labels
 * start ("一、…" at the left edge, "（一）…" one step in, "1.…" two steps in). Value columns (x-bands)
 * come from the figures and the lowest header cells above them, per sub-table: section 2 stacks
 * sub-tables with 3 and with 1 value column in one table.
 */
import type { FigureTableRow, TableRow, TextTableRow } from './table-rows.ts';
import type { TextPiece } from './text-pieces.ts';

export interface Band {
  readonly left: number;
  readonly right: number;
}

/** A header (possibly several text rows) and the rows under it, up to the next header. */
export interface Segment {
  readonly header: readonly TextTableRow[];
  readonly rows: readonly TableRow[];
  readonly bands: readonly Band[];
  /** Header texts that stand over the label columns rather than over a value column. */
  readonly isLabelHeader: (piece: TextPiece) => boolean;
}

/**
 * Left edges of the label columns: where the rows' own labels start, plus one more column when group
 * labels sit left of every row label (a table whose outermost level only has group cells).
 */
export function labelColumns(rows: readonly TableRow[]): number[] {
  const figureRows = rows.filter((r): r is FigureTableRow => r.kind === 'figures');
  const leaves = figureRows.flatMap((r) => r.labels.slice(-1));
  const firstLeaf = Math.min(...leaves.map((l) => l.x));
  const outer = figureRows
    .flatMap((r) => [...r.groupLabels, ...r.labels.slice(0, -1)])
    .filter((g) => g.x < firstLeaf - g.size);
  const columns: number[] = [];
  let last: TextPiece | undefined;
  for (const start of [...leaves, ...outer].sort((a, b) => a.x - b.x)) {
    if (!last || start.x - last.x > start.size) columns.push(start.x);
    last = start;
  }
  return columns;
}

/** The label column a text starting at `x` sits in: the rightmost column starting at or before it. */
export function columnOf(piece: TextPiece, columns: readonly number[]): number {
  let index = 0;
  columns.forEach((left, i) => {
    if (left <= piece.x + 0.5 * piece.size) index = i;
  });
  return index;
}

/**
 * Full-width rows (sub-table titles such as "第二十条第（一）项"): one text starting over the labels. The
 * same text between two header rows is a header cell instead (the note "（本列数据的勾稽关系为…）" sits
 * beside the column headers of section 3, on a line of its own).
 */
export function fullWidthRows(rows: readonly TableRow[], valueLeft: number): Set<TableRow> {
  const single = (row: TableRow | undefined): boolean => {
    const only = row?.kind === 'text' ? row.blocks[0] : undefined;
    return (
      row?.kind === 'text' && row.blocks.length === 1 && only !== undefined && only.x < valueLeft - 0.5 * only.size
    );
  };
  const header = (row: TableRow | undefined) => row?.kind === 'text' && !single(row);
  return new Set(rows.filter((row, i) => single(row) && !(header(rows[i - 1]) && header(rows[i + 1]))));
}

export function segmentsOf(rows: readonly TableRow[], fullWidth: ReadonlySet<TableRow>, valueLeft: number): Segment[] {
  const groups: { header: TextTableRow[]; rows: TableRow[] }[] = [];
  let inHeader = false;
  for (const row of rows) {
    const isHeader = row.kind === 'text' && !fullWidth.has(row);
    if (isHeader && !inHeader) groups.push({ header: [], rows: [] });
    if (groups.length === 0) groups.push({ header: [], rows: [] });
    const current = groups[groups.length - 1] as { header: TextTableRow[]; rows: TableRow[] };
    if (isHeader && row.kind === 'text') current.header.push(row);
    current.rows.push(row);
    inHeader = isHeader;
  }
  return groups.map((g) => withBands(g.header, g.rows, valueLeft));
}

function withBands(header: TextTableRow[], rows: TableRow[], tableValueLeft: number): Segment {
  const figureRows = rows.filter((r): r is FigureTableRow => r.kind === 'figures');
  const values = figureRows.flatMap((r) => r.values);
  const labelRight = Math.max(...figureRows.flatMap((r) => r.labels.map((l) => l.right)));
  const valueLeft = values.length > 0 ? Math.min(...values.map((v) => v.x)) : tableValueLeft;
  // Without row labels (section 4 is one row of figures under its header) no header stands over labels.
  const split = Number.isFinite(labelRight) ? (labelRight + valueLeft) / 2 : Number.NEGATIVE_INFINITY;
  const isLabelHeader = (p: TextPiece) => (p.x + p.right) / 2 < split;
  const headerTexts = header.flatMap((r) => r.blocks).filter((p) => !isLabelHeader(p));
  const lowest = headerTexts.filter((p) => !headerTexts.some((q) => q !== p && isUnder(q, p)));
  return { header, rows, bands: headerBands(lowest, values), isLabelHeader };
}

/**
 * Value columns under a header: one per lowest header cell, whether or not any figure stands under it (a
 * column left blank all the way down is still a column). A column of figures belongs to the first header cell
 * whose centre lies right of where the figures start: figures start at their cell's left edge or are
 * centred in it, as its header is. Figures right of every header cell, or under no header, make columns of
 * their own.
 */
function headerBands(lowest: readonly TextPiece[], values: readonly TextPiece[]): Band[] {
  const headers = bandsOf(lowest);
  if (headers.length === 0) return bandsOf(values);
  const columns = headers.map((h) => ({ ...h }));
  const extra: TextPiece[] = [];
  for (const figures of bandsOf(values)) {
    const members = values.filter((v) => v.x >= figures.left && v.right <= figures.right);
    const size = Math.min(...members.map((v) => v.size));
    const own = columns.find((h) => (h.left + h.right) / 2 >= figures.left - 0.5 * size);
    if (own) {
      own.left = Math.min(own.left, figures.left);
      own.right = Math.max(own.right, figures.right);
    } else {
      extra.push(...members);
    }
  }
  return [...columns, ...bandsOf(extra)];
}

/** `lower` is a header cell under `upper` (below it and overlapping it horizontally). */
function isUnder(lower: TextPiece, upper: TextPiece): boolean {
  return lower.top >= upper.bottom - 0.2 * upper.size && lower.x < upper.right && lower.right > upper.x;
}

/** Value columns: texts that overlap horizontally share a column. */
function bandsOf(pieces: readonly TextPiece[]): Band[] {
  const bands: { left: number; right: number }[] = [];
  for (const p of [...pieces].sort((a, b) => a.x - b.x)) {
    const last = bands.at(-1);
    if (last && p.x < last.right) last.right = Math.max(last.right, p.right);
    else bands.push({ left: p.x, right: p.right });
  }
  return bands;
}

/** The band a value or header text belongs to: the one it overlaps most, else the nearest. */
export function bandOf(piece: TextPiece, bands: readonly Band[]): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  bands.forEach((band, i) => {
    const overlap = Math.min(band.right, piece.right) - Math.max(band.left, piece.x);
    const centreDistance = Math.abs((band.left + band.right) / 2 - (piece.x + piece.right) / 2);
    const score = overlap > 0 ? overlap : -centreDistance;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}
