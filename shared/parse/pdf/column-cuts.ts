/**
 * Runs that join two cells of a table drawn without lines. With no border between them, pdf.js joins the
 * glyphs of neighbouring cells into one run when they sit close: a group label and the row label beside it
 * ("三、本（一）予以公开", "（三）不1.属于国家秘密") or a wrapped label and the figure after it ("…出具已获18").
 * Such a run is cut where a column starts — a row label's enumerator, a column of figures — at the
 * character boundary nearest that column's edge, and only when what follows is an item of its own or a figure.
 */
import { isNumericText, isPlaceholderText, startsWithEnumerator } from './piece-text.ts';
import { characterSpans, figureAdvanceOf } from './run-splits.ts';
import type { TextPiece } from './text-pieces.ts';

/** Column edges (x) closer than this share of a character are one edge. */
const SAME_EDGE = 0.5;

export function cutMergedRuns(pieces: readonly TextPiece[]): TextPiece[] {
  const figures = pieces.filter((p) => isNumericText(p.text));
  const valueEdges = edgesOf(figures);
  const labelEdges = edgesOf(pieces.filter((p) => !isNumericText(p.text) && startsWithEnumerator(p.text)));
  const figureAdvance = figureAdvanceOf(pieces);
  const cutRun = (piece: TextPiece): TextPiece[] => {
    if (isNumericText(piece.text)) return [piece];
    const cut =
      cutAt(piece, valueEdges, figureAdvance, (rest) => isNumericText(rest) || isPlaceholderText(rest)) ??
      cutAt(piece, labelEdges, figureAdvance, startsWithEnumerator);
    // Each part is shorter than the run: a run joining three cells is cut twice.
    return cut ? cut.flatMap(cutRun) : [piece];
  };
  const cut = pieces.flatMap(cutRun);
  // A run's second cell goes on from a cell in the line right above or below it, starting at the same edge.
  const startsNear = (piece: TextPiece, edge: number) =>
    cut.some(
      (p) =>
        p !== piece &&
        p.page === piece.page &&
        Math.abs(p.x - edge) <= SAME_EDGE * p.size &&
        Math.abs(p.top - piece.top) <= 1.5 * (piece.bottom - piece.top) &&
        !isNumericText(p.text),
    );
  return cut.flatMap((piece) => {
    if (isNumericText(piece.text)) return [piece];
    const edges = labelEdges.filter((edge) => startsNear(piece, edge));
    return cutAtGap(piece, edges, figureAdvance) ?? [piece];
  });
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** A character's advance as measured: a Chinese character the type size, anything else a figure's. */
function charWidth(ch: string, size: number, figureAdvance: number | undefined): number {
  return ch === ' ' ? 0 : WIDE.test(ch) ? size : (figureAdvance ?? 0.5) * size;
}

function naturalWidth(chars: readonly string[], size: number, figureAdvance: number | undefined): number {
  return chars.reduce((sum, ch) => sum + charWidth(ch, size, figureAdvance), 0);
}

/**
 * A run of two label cells side by side ("不予公" | "秘密": a group label's line and its row label's), told by
 * the gap pdf.js took into the run: wider than its characters by half a character or more. It is cut where a
 * label column starts that a label in the line above or below starts at too, the second cell's text set from
 * that edge (a label spanning columns has no such neighbour: "（二）部分公开…" over "形，不计其他情").
 */
function cutAtGap(
  piece: TextPiece,
  edges: readonly number[],
  figureAdvance: number | undefined,
): TextPiece[] | undefined {
  const chars = [...piece.text];
  const widths = chars.map((ch) => charWidth(ch, piece.size, figureAdvance));
  const printed = widths.reduce((sum, w) => sum + w, 0);
  if (piece.right - piece.x - printed < 0.5 * piece.size) return undefined;
  for (const edge of edges.filter((x) => x > piece.x + piece.size && x < piece.right - piece.size)) {
    // The second cell's text starts at its column's edge (set from the run's end), the first cell's ends short of it.
    let best: { at: number; tail: number; distance: number } | undefined;
    let tail = 0;
    for (let i = chars.length - 1; i > 0; i--) {
      tail += widths[i] ?? 0;
      const distance = Math.abs(piece.right - tail - edge);
      if (distance <= 0.6 * piece.size && piece.x + printed - tail <= edge && (!best || distance < best.distance)) {
        best = { at: i, tail, distance };
      }
    }
    if (!best) continue;
    const head = chars.slice(0, best.at).join('').trim();
    const rest = chars.slice(best.at).join('').trim();
    if (head === '' || rest === '') continue;
    return [
      { ...piece, right: piece.x + printed - best.tail, text: head },
      { ...piece, x: edge, text: rest },
    ];
  }
  return undefined;
}

/** Left edges of runs, one per cluster of runs starting within half a character of each other. */
function edgesOf(pieces: readonly TextPiece[]): number[] {
  const edges: number[] = [];
  for (const p of [...pieces].sort((a, b) => a.x - b.x)) {
    const last = edges.at(-1);
    if (last === undefined || p.x - last > SAME_EDGE * p.size) edges.push(p.x);
  }
  return edges;
}

/**
 * The run cut in two at the first column edge well inside it where the text from the nearest character
 * boundary on passes `starts`; undefined when there is none.
 */
function cutAt(
  piece: TextPiece,
  edges: readonly number[],
  figureAdvance: number | undefined,
  starts: (rest: string) => boolean,
): TextPiece[] | undefined {
  const inside = edges.filter((x) => x > piece.x + piece.size && x < piece.right - 0.3 * piece.size);
  if (inside.length === 0) return undefined;
  const chars = [...piece.text];
  const spans = characterSpans(piece, figureAdvance);
  for (const edge of inside) {
    // Character widths are estimated: of the boundaries near the edge, the nearest one that starts a cell.
    const near = spans
      .map((span, i) => ({ i, distance: Math.abs(span.from - edge) }))
      .filter(({ i, distance }) => i > 0 && distance <= piece.size)
      .sort((a, b) => a.distance - b.distance);
    for (const { i } of near) {
      const head = chars.slice(0, i).join('').trim();
      const rest = chars.slice(i).join('').trim();
      if (head === '' || !starts(rest)) continue;
      // The second cell starts at its column's edge; the estimate only chose the character it starts with. The
      // first ends where its own characters do, short of any gap the run took in.
      const at = spans[i]?.from ?? edge;
      const own = piece.x + naturalWidth(chars.slice(0, i), piece.size, figureAdvance) + 0.2 * piece.size;
      return [
        { ...piece, right: Math.min(at, edge, own), text: head },
        { ...piece, x: edge, text: rest },
      ];
    }
  }
  return undefined;
}
