/**
 * Lines and fragments. A line is every piece on one baseline of one page (labels and the figures
 * beside them sit a point or two apart); a fragment is a run of touching pieces on a line — one cell's
 * line of text, or one figure.
 */
import { isNumericText, joinRuns } from './piece-text.ts';
import type { TextPiece } from './text-pieces.ts';

export interface TextLine {
  readonly page: number;
  readonly top: number;
  readonly bottom: number;
  readonly x: number;
  readonly right: number;
  /** The size most of the line's characters are set in. */
  readonly size: number;
  readonly fragments: readonly TextPiece[];
}

/** Groups pieces into lines, top to bottom, each line's fragments left to right. */
export function groupLines(pieces: readonly TextPiece[]): TextLine[] {
  const sorted = [...pieces].sort((a, b) => a.page - b.page || a.bottom - b.bottom || a.x - b.x);
  const groups: TextPiece[][] = [];
  for (const piece of sorted) {
    const current = groups.at(-1);
    const anchor = current?.[0];
    const tolerance = 0.4 * Math.max(piece.size, anchor?.size ?? 0);
    if (current && anchor && anchor.page === piece.page && piece.bottom - anchor.bottom <= tolerance) {
      current.push(piece);
    } else {
      groups.push([piece]);
    }
  }
  return groups.map(lineOf);
}

function lineOf(pieces: readonly TextPiece[]): TextLine {
  const fragments = mergeTouching([...pieces].sort((a, b) => a.x - b.x));
  return {
    page: pieces[0]?.page ?? 0,
    top: Math.min(...pieces.map((p) => p.top)),
    bottom: Math.max(...pieces.map((p) => p.bottom)),
    x: Math.min(...pieces.map((p) => p.x)),
    right: Math.max(...pieces.map((p) => p.right)),
    size: dominantSize(pieces),
    fragments,
  };
}

/**
 * Pieces closer than a third of a character (a space) belong to one run of text; two figures only when
 * they touch. Neighbouring cells of narrow tables can be half a character apart ("结果 其他" over two
 * columns of 洪泽区 2023's section 4), figures one character ("72  64  178").
 */
function mergeTouching(pieces: readonly TextPiece[]): TextPiece[] {
  const merged: TextPiece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    const size = Math.max(piece.size, last?.size ?? 0);
    const bothFigures = last !== undefined && isNumericText(last.text) && isNumericText(piece.text);
    const reach = bothFigures ? 0.15 * size : 0.35 * size;
    if (last && piece.x - last.right <= reach) {
      merged[merged.length - 1] = joinPieces(last, piece);
    } else {
      merged.push(piece);
    }
  }
  return merged;
}

export function joinPieces(left: TextPiece, right: TextPiece): TextPiece {
  return {
    page: left.page,
    x: Math.min(left.x, right.x),
    right: Math.max(left.right, right.right),
    top: Math.min(left.top, right.top),
    bottom: Math.max(left.bottom, right.bottom),
    size: Math.max(left.size, right.size),
    text: joinRuns(left.text, right.text),
  };
}

/** The size set on most characters (rounded to half a point). */
export function dominantSize(pieces: readonly TextPiece[]): number {
  const weight = new Map<number, number>();
  for (const p of pieces) {
    const size = Math.round(p.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + p.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) {
    if (w > bestWeight) [best, bestWeight] = [size, w];
  }
  return best;
}
