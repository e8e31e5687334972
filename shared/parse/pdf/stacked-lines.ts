/**
 * Joins the lines of one table cell: "（二）部分公开（区分处理的，只计这一情" / "形，不计其他情形）",
 * "商 业 企" / "业", "三、" / "本" / "年" (a vertical label). Producers differ in how far apart a cell's
 * lines and two cells' lines sit (WPS sets a 7.5-point label at a 15-point pitch; Chromium packs table
 * rows nearly as tight), so distance alone cannot tell; these layout facts decide instead:
 * - a line that starts its own item ("2.其他法律…", "（四）…") starts a new cell;
 * - lines beside two different rows of figures are two cells;
 * - a line only wraps when it is full, so the upper line is not narrower than the lower one;
 * - anything printed beside one line that sits under (or over) the other line means the upper text spans
 *   several columns ("未经复议直接起诉" over "结果维持 | 结果纠正 | …"): two cells;
 * - a header line (with other header texts beside it) does not continue into a row label beside figures,
 *   nor does a line alone (a full-width "第二十条第（一）项") continue into a header line.
 */
import { startsWithEnumerator } from './piece-text.ts';
import { joinPieces } from './text-lines.ts';
import type { TextPiece } from './text-pieces.ts';

export interface StackingContext {
  readonly isFigure: (piece: TextPiece) => boolean;
  readonly isValueArea: (piece: TextPiece) => boolean;
  /** The row of figures a line sits beside, or −1. */
  readonly rowOf: (piece: TextPiece) => number;
}

interface OpenCell {
  piece: TextPiece;
  lastLine: TextPiece;
  row: number;
}

/** Returns the text cells (figures excluded), each with its lines joined. */
export function joinStackedLines(fragments: readonly TextPiece[], context: StackingContext): TextPiece[] {
  const mates = lineMates(fragments);
  const texts = fragments.filter((f) => !context.isFigure(f)).sort((a, b) => a.top - b.top || a.x - b.x);
  const isHeaderLine = (f: TextPiece) =>
    (mates.get(f) ?? []).some((m) => !context.isFigure(m) && context.isValueArea(m));
  const cells: OpenCell[] = [];
  for (const line of texts) {
    const row = context.rowOf(line);
    const open = startsWithEnumerator(line.text)
      ? undefined
      : cells.findLast(
          (c) =>
            continues(c.lastLine, line) &&
            (c.row < 0 || row < 0 || c.row === row) &&
            !(isHeaderLine(line) && !isHeaderLine(c.lastLine)) &&
            !(isHeaderLine(c.lastLine) && row >= 0) &&
            !spansOver(c.lastLine, line, mates),
        );
    if (open) {
      open.piece = joinPieces(open.piece, line);
      open.lastLine = line;
      if (open.row < 0) open.row = row;
    } else {
      cells.push({ piece: line, lastLine: line, row });
    }
  }
  return cells.map((c) => c.piece);
}

/** Other fragments on the same baseline of the same page. */
function lineMates(fragments: readonly TextPiece[]): Map<TextPiece, TextPiece[]> {
  const mates = new Map<TextPiece, TextPiece[]>();
  for (const f of fragments) {
    mates.set(
      f,
      fragments.filter(
        (g) => g !== f && g.page === f.page && Math.abs(g.bottom - f.bottom) <= 0.4 * Math.max(f.size, g.size),
      ),
    );
  }
  return mates;
}

function overlapsSideways(a: TextPiece, b: TextPiece): boolean {
  return a.x < b.right && a.right > b.x;
}

/** Something beside one line sits under/over the other: the two lines belong to cells of different widths. */
function spansOver(upper: TextPiece, lower: TextPiece, mates: Map<TextPiece, TextPiece[]>): boolean {
  return (
    (mates.get(lower) ?? []).some((m) => overlapsSideways(m, upper)) ||
    (mates.get(upper) ?? []).some((m) => overlapsSideways(m, lower))
  );
}

/**
 * Lines of one cell sit at most this many character heights apart: WPS spaces the two lines of
 * "结 果" / "维持" in 淮安市 2024's section-4 header 2.5 heights apart.
 */
export const MAX_LINE_GAP = 2.6;

/** The lower line starts under the upper one (or a little indented, "已获取信息") and right below it. */
function continues(upper: TextPiece, lower: TextPiece): boolean {
  const size = Math.max(upper.size, lower.size);
  const gap = lower.top - upper.bottom;
  return (
    upper.page === lower.page &&
    lower.x >= upper.x - 0.5 * size &&
    lower.x <= upper.x + 2 * size &&
    overlapsSideways(upper, lower) &&
    upper.right - upper.x >= lower.right - lower.x - size &&
    gap >= -0.3 * size &&
    gap <= MAX_LINE_GAP * size
  );
}
