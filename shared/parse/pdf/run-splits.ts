/**
 * Text runs that straddle a cell border. pdf.js joins glyphs drawn one after another on a line into one
 * run, and a narrow table puts neighbouring cells' figures close enough to join: Chromium's "236 252270"
 * holds three cells. pdf.js gives no glyph positions, so a run is cut where its characters' estimated
 * advances put them on each side of the border: figures are set with equal advances (measured on the
 * page's one-figure runs), Chinese characters a full character height, and the spaces share what is left.
 */
import { CUT_MARK } from './clipped-figures.ts';
import type { TextPiece } from './text-pieces.ts';

/** Advance of a figure as a share of the type size, from the runs that hold one figure only. */
export function figureAdvanceOf(pieces: readonly TextPiece[]): number | undefined {
  const ratios = pieces
    .filter((p) => /^\d+$/.test(p.text) && p.size > 0 && p.right > p.x)
    .map((p) => (p.right - p.x) / p.text.length / p.size)
    .sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)];
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Where each character of a run starts and ends, estimated. */
export function characterSpans(piece: TextPiece, figureAdvance: number | undefined): { from: number; to: number }[] {
  const chars = [...piece.text];
  const narrow = (figureAdvance ?? 0.5) * piece.size;
  // The cut mark (`clipped-figures.ts`) is no printed glyph: it stays with the run's last character.
  const advances = chars.map((ch) => (ch === ' ' || ch === CUT_MARK ? 0 : WIDE.test(ch) ? piece.size : narrow));
  const width = piece.right - piece.x;
  const printed = advances.reduce((s, a) => s + a, 0);
  const spaces = chars.filter((ch) => ch === ' ').length;
  // The spaces take what the printed characters leave; when the estimate overshoots, all scale down.
  const space = spaces > 0 && printed < width ? (width - printed) / spaces : 0;
  const scale = printed > width || spaces === 0 ? width / Math.max(printed, 1e-6) : 1;
  let at = piece.x;
  return chars.map((ch, i) => {
    const advance = ch === ' ' ? space : (advances[i] ?? 0) * scale;
    const span = { from: at, to: at + advance };
    at += advance;
    return span;
  });
}

/**
 * Cuts a run at the borders it crosses (`borders`: x positions of the cell borders on its row). A run
 * crossing none comes back whole.
 */
export function splitAtBorders(
  piece: TextPiece,
  borders: readonly number[],
  figureAdvance: number | undefined,
): TextPiece[] {
  const margin = 0.2 * piece.size;
  const crossed = borders.filter((x) => x > piece.x + margin && x < piece.right - margin);
  if (crossed.length === 0) return [piece];
  const chars = [...piece.text];
  const spans = characterSpans(piece, figureAdvance);
  const parts: { text: string; from: number; to: number }[] = [];
  let part: { text: string; from: number; to: number } | undefined;
  let side = -1;
  spans.forEach((span, i) => {
    const centre = (span.from + span.to) / 2;
    const s = crossed.filter((x) => x <= centre).length;
    if (!part || s !== side) {
      part = { text: '', from: span.from, to: span.to };
      parts.push(part);
      side = s;
    }
    part.text += chars[i] ?? '';
    part.to = span.to;
  });
  return parts.flatMap((p) => {
    const text = p.text.trim();
    return text === '' ? [] : [{ ...piece, x: p.from, right: p.to, text }];
  });
}
