/**
 * Rows of a table drawn without lines, read by geometry rather than by line order. A row is the band its
 * row label spans: the label's lines are one cell however it wraps (a line continues the cell above when it
 * starts under it, is no wider, and brings no figure to a column the cell already has), and every figure
 * whose baseline lies in that band belongs to the row, whether the producer set it level with the label's
 * first line, centred on the label or on a line of its own. Labels left of a row's own label are its group
 * labels; text beside no figures is a header or a full-width row. The rows feed the same column and grid
 * assembly as before (`table-grid.ts`). Figures in one column of one band are never split between rows by
 * guessing: they stay together in one cell, which the assembler reports (H7) instead of reading.
 */
import { cutMergedRuns } from './column-cuts.ts';
import { isNumericText, isPlaceholderText, startsWithEnumerator } from './piece-text.ts';
import { joinStackedLines, MAX_LINE_GAP } from './stacked-lines.ts';
import { byX, type FigureTableRow, type TableRow, type TableRows, textRows, verticalOverlap } from './table-rows.ts';
import { joinPieces } from './text-lines.ts';
import type { TextPiece } from './text-pieces.ts';

interface FigureLine {
  top: number;
  bottom: number;
  readonly figures: TextPiece[];
}

/** The value columns that figures beside a text fill, each with the line of figures filling it. */
type FigureColumns = Map<number, FigureLine>;

interface LabelCell {
  piece: TextPiece;
  lastLine: TextPiece;
  /** Value columns of the figures beside the cell's lines. */
  readonly columns: FigureColumns;
}

/** Share of the smaller height a text must overlap a line of figures to sit beside it. */
const BESIDE = 0.3;

export function bandRowsOf(fragments: readonly TextPiece[]): TableRows {
  const pieces = cutMergedRuns(fragments);
  const numeric = pieces.filter((p) => isNumericText(p.text));
  const valueLeft = numeric.length > 0 ? Math.min(...numeric.map((f) => f.x)) : Number.POSITIVE_INFINITY;
  const isFigure = (f: TextPiece) => isNumericText(f.text) || (isPlaceholderText(f.text) && f.x >= valueLeft - f.size);
  const isValueArea = (f: TextPiece) => f.x >= valueLeft - 0.5 * f.size;
  const figures = pieces.filter(isFigure);
  const lines = figureLines(figures);
  const columnOf = valueColumns(figures);
  const besideLines = (p: TextPiece) => lines.filter((l) => verticalOverlap(l, p) >= BESIDE);
  const columnsBeside = (p: TextPiece): FigureColumns => {
    const columns: FigureColumns = new Map();
    for (const line of besideLines(p)) for (const f of line.figures) columns.set(columnOf.get(f) ?? -1, line);
    return columns;
  };

  const headerTexts = pieces.filter((p) => !isFigure(p) && isValueArea(p));
  // A label on a line with header texts ("信息内容") heads the label column: it never joins a row label.
  const isHeaderLine = (p: TextPiece) =>
    headerTexts.some((h) => h.page === p.page && Math.abs(h.bottom - p.bottom) <= 0.4 * Math.max(h.size, p.size));
  const labels = stackLabels(
    pieces.filter((p) => !isFigure(p) && !isValueArea(p)),
    { columnsBeside, isHeaderLine },
    pageEdges(pieces),
  );
  const valueTexts = joinStackedLines(
    pieces.filter((p) => isFigure(p) || isValueArea(p)),
    { isFigure, isValueArea, rowOf: (p) => lines.findIndex((l) => verticalOverlap(l, p) >= BESIDE) },
  );

  // Each line of figures goes to the row label whose band holds it: the rightmost label the line lies beside.
  const rowsByLeaf = new Map<TextPiece | undefined, FigureLine[]>();
  const leafless: FigureLine[] = [];
  for (const line of lines) {
    const leaf = leafOf(line, labels);
    if (leaf) rowsByLeaf.set(leaf, [...(rowsByLeaf.get(leaf) ?? []), line]);
    else leafless.push(line);
  }
  // A table without row labels (section 4) is one row of figures, however many lines they wrap over.
  if (rowsByLeaf.size === 0 && leafless.length > 0) rowsByLeaf.set(undefined, leafless);
  else for (const line of leafless) placeLeaflessLine(line, rowsByLeaf, columnOf);
  const rows = [...rowsByLeaf].map(([leaf, own]) => ({
    leaf,
    ...bandOf(leaf, own),
    lines: own,
    groupLabels: [] as TextPiece[],
    values: own.flatMap((l) => l.figures),
  }));
  const texts: TextPiece[] = [];
  const leaves = new Set(rows.map((r) => r.leaf));
  for (const { piece } of labels) {
    if (leaves.has(piece)) continue;
    const row = groupRowOf(piece, rows);
    if (row) row.groupLabels.push(piece);
    else texts.push(piece);
  }
  for (const piece of valueTexts) {
    const row = rows.find((r) => r.lines.some((l) => verticalOverlap(l, piece) >= BESIDE));
    if (row) row.values.push(piece);
    else texts.push(piece);
  }
  const figureRows: TableRow[] = rows.map(
    (r): FigureTableRow => ({
      kind: 'figures',
      top: r.top,
      bottom: r.bottom,
      labels: r.leaf ? [r.leaf] : [],
      groupLabels: byX(r.groupLabels),
      values: byX(r.values),
    }),
  );
  return { rows: [...figureRows, ...textRows(texts)].sort((a, b) => a.top - b.top), valueLeft };
}

/**
 * A line of figures beside no row label goes to the row next to it (above or below) that has each of its
 * columns still empty — when exactly one such row does. Otherwise the figures cannot be placed: they join the
 * nearer row marked unreadable ("12?"), which leaves that row's cells empty with an H7 finding rather than
 * giving any figure a row the page does not show it in.
 */
function placeLeaflessLine(
  line: FigureLine,
  rowsByLeaf: Map<TextPiece | undefined, FigureLine[]>,
  columnOf: ReadonlyMap<TextPiece, number>,
): void {
  const centre = (line.top + line.bottom) / 2;
  const spans = [...rowsByLeaf].map(([leaf, own]) => ({ own, ...bandOf(leaf, own) }));
  const { above, below } = bandsAround(spans, centre);
  const columns = line.figures.map((f) => columnOf.get(f));
  const free = (r: typeof above) =>
    r !== undefined && !r.own.some((l) => l.figures.some((f) => columns.includes(columnOf.get(f))));
  const fits = [above, below].filter(free);
  if (fits.length === 1 && fits[0]) {
    fits[0].own.push(line);
    return;
  }
  const nearer = above && below ? (centre - above.bottom <= below.top - centre ? above : below) : (above ?? below);
  nearer?.own.push({ ...line, figures: line.figures.map((f) => ({ ...f, text: `${f.text}?` })) });
}

interface Band {
  readonly top: number;
  readonly bottom: number;
}

/** The band a row spans: its label's and its lines of figures'. */
function bandOf(leaf: TextPiece | undefined, own: readonly FigureLine[]): Band {
  return {
    top: Math.min(leaf?.top ?? Number.POSITIVE_INFINITY, ...own.map((l) => l.top)),
    bottom: Math.max(leaf?.bottom ?? Number.NEGATIVE_INFINITY, ...own.map((l) => l.bottom)),
  };
}

/** The nearest band wholly above a height and the nearest wholly below it. */
function bandsAround<B extends Band>(
  bands: readonly B[],
  centre: number,
): { above: B | undefined; below: B | undefined } {
  return {
    above: bands.filter((r) => r.bottom <= centre).sort((a, b) => b.bottom - a.bottom)[0],
    below: bands.filter((r) => r.top >= centre).sort((a, b) => a.top - b.top)[0],
  };
}

/** Figures that share a baseline, top to bottom. */
function figureLines(figures: readonly TextPiece[]): FigureLine[] {
  const lines: FigureLine[] = [];
  for (const f of [...figures].sort((a, b) => a.top - b.top)) {
    const last = lines.at(-1);
    if (last && verticalOverlap(last, f) >= 0.4) {
      last.top = Math.min(last.top, f.top);
      last.bottom = Math.max(last.bottom, f.bottom);
      last.figures.push(f);
    } else {
      lines.push({ top: f.top, bottom: f.bottom, figures: [f] });
    }
  }
  return lines;
}

/** The value column of each figure: figures that overlap horizontally share a column. */
function valueColumns(figures: readonly TextPiece[]): Map<TextPiece, number> {
  const columns = new Map<TextPiece, number>();
  let right = Number.NEGATIVE_INFINITY;
  let column = -1;
  for (const f of [...figures].sort((a, b) => a.x - b.x)) {
    if (f.x >= right) column++;
    right = Math.max(f.x >= right ? f.right : right, f.right);
    columns.set(f, column);
  }
  return columns;
}

interface PageEdges {
  /** The lowest bottom and highest top of the table's text on each page. */
  readonly lowest: Map<number, number>;
  readonly highest: Map<number, number>;
}

function pageEdges(pieces: readonly TextPiece[]): PageEdges {
  const lowest = new Map<number, number>();
  const highest = new Map<number, number>();
  for (const p of pieces) {
    lowest.set(p.page, Math.max(lowest.get(p.page) ?? Number.NEGATIVE_INFINITY, p.bottom));
    highest.set(p.page, Math.min(highest.get(p.page) ?? Number.POSITIVE_INFINITY, p.top));
  }
  return { lowest, highest };
}

interface StackingFacts {
  readonly columnsBeside: (p: TextPiece) => FigureColumns;
  readonly isHeaderLine: (p: TextPiece) => boolean;
}

/**
 * Joins the lines of each label cell, top to bottom. A line only goes on from the line right above it (the
 * last one over it), so never past a header line between them. A line beside no figures, under a cell that has
 * figures already, is the first line of the next cell when the lines it would lead into bring figures to the
 * columns that cell has ("其他对外" / "管理服务 64 +12 318" / "事项" under "行政许可 356 -417 2745").
 */
function stackLabels(lines: readonly TextPiece[], facts: StackingFacts, edges: PageEdges): LabelCell[] {
  const sorted = [...lines].sort((a, b) => a.top - b.top || a.x - b.x);
  const columns = sorted.map(facts.columnsBeside);
  const header = sorted.map(facts.isHeaderLine);
  const above = sorted.map((line, i) =>
    sorted.slice(0, i).findLastIndex((l) => l.bottom <= line.top + 0.3 * line.size && sideBySide(l, line)),
  );
  const below = sorted.map(() => -1);
  above.forEach((a, i) => {
    if (a >= 0 && below[a] === -1) below[a] = i;
  });
  const joins = (upper: number, lower: number) =>
    above[lower] === upper &&
    !startsWithEnumerator((sorted[lower] as TextPiece).text) &&
    header[upper] === header[lower] &&
    continues(sorted[upper] as TextPiece, sorted[lower] as TextPiece, edges);
  /** The figure columns the lines that would follow `from` in one cell bring first. */
  const columnsAhead = (from: number): FigureColumns | undefined => {
    for (let at = from, next = below[at] ?? -1; next >= 0 && joins(at, next); at = next, next = below[at] ?? -1) {
      if ((columns[next] as FigureColumns).size > 0) return columns[next];
    }
    return undefined;
  };
  const cells: LabelCell[] = [];
  const cellOfLine = new Map<number, LabelCell>();
  for (const [i, line] of sorted.entries()) {
    const own = columns[i] as FigureColumns;
    const upper = above[i] ?? -1;
    const open = upper >= 0 && joins(upper, i) ? cellOfLine.get(upper) : undefined;
    // Two lines of figures filling one column are two rows; a line of figures beside two label lines is one.
    const clash = (set: FigureColumns | undefined) =>
      set !== undefined && [...set].some(([c, line]) => open?.columns.has(c) && open.columns.get(c) !== line);
    if (open && !clash(own) && !(own.size === 0 && open.columns.size > 0 && clash(columnsAhead(i)))) {
      open.piece = joinPieces(open.piece, line);
      open.lastLine = line;
      for (const [column, figures] of own) open.columns.set(column, figures);
      cellOfLine.set(i, open);
    } else {
      const cell = { piece: line, lastLine: line, columns: new Map(own) };
      cells.push(cell);
      cellOfLine.set(i, cell);
    }
  }
  return cells;
}

function sideBySide(a: TextPiece, b: TextPiece): boolean {
  return a.x < b.right && a.right > b.x;
}

/**
 * The lower line goes on from the upper one: it starts under it (a centred line a little further in), the
 * upper line is no narrower (a line only wraps when full), and it follows right below — or it opens the
 * next page where the upper line closed the last one. A line wraps before a word that does not fit, so the
 * upper line may be shorter by a character and a half ("3.危及" over "“三安全").
 */
function continues(upper: TextPiece, lower: TextPiece, edges: PageEdges): boolean {
  const size = Math.max(upper.size, lower.size);
  const gap = lower.top - upper.bottom;
  const near =
    upper.page === lower.page
      ? gap >= -0.3 * size && gap <= MAX_LINE_GAP * size
      : lower.page === upper.page + 1 &&
        upper.bottom >= (edges.lowest.get(upper.page) ?? 0) - 0.5 * size &&
        lower.top <= (edges.highest.get(lower.page) ?? 0) + 0.5 * size;
  return (
    near &&
    lower.x >= upper.x - 0.5 * size &&
    lower.x <= upper.x + 2 * size &&
    lower.x < upper.right &&
    upper.right - upper.x >= lower.right - lower.x - 1.5 * size
  );
}

/** The row label of a line of figures: the rightmost label cell whose band holds the line's centre. */
function leafOf(line: FigureLine, labels: readonly LabelCell[]): TextPiece | undefined {
  const centre = (line.top + line.bottom) / 2;
  const reach = 0.3 * (line.bottom - line.top);
  let leaf: TextPiece | undefined;
  for (const { piece } of labels) {
    if (piece.top - reach > centre || piece.bottom + reach < centre) continue;
    if (!leaf || piece.x > leaf.x) leaf = piece;
  }
  return leaf;
}

interface BandRow extends Band {
  readonly leaf: TextPiece | undefined;
  readonly groupLabels: TextPiece[];
}

/**
 * The row a label that is no row's own label belongs to as a group label: it stands left of the row's own
 * label, beside the row it overlaps most or, between rows, the nearer one. Text beside no row is no group.
 */
function groupRowOf<R extends BandRow>(piece: TextPiece, rows: readonly R[]): R | undefined {
  const leftOf = (r: R) => r.leaf !== undefined && r.leaf.x > piece.x + 0.5 * piece.size;
  const centre = (piece.top + piece.bottom) / 2;
  let best: R | undefined;
  let bestOverlap = 0;
  for (const row of rows) {
    const overlap = Math.min(row.bottom, piece.bottom) - Math.max(row.top, piece.top);
    if (overlap > bestOverlap && leftOf(row)) [best, bestOverlap] = [row, overlap];
  }
  if (best) return best;
  const { above, below } = bandsAround(rows, centre);
  if (!above || !below || !leftOf(above) || !leftOf(below)) return undefined;
  return centre - above.bottom <= below.top - centre ? above : below;
}
