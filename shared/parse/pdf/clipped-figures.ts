/**
 * Figures cut by the page's clip. A table wider than the printed area runs past the clip, and the glyphs
 * beyond it are not printed — Chromium leaves them out of the file altogether, so "1533" in the last
 * column reads "153". A figure whose run reaches the clip's right edge may have lost its last digits: it
 * is marked as cut ("153…"), which the assembler reads as a value cell without a figure (`cell-value.ts`):
 * the cell is left empty, with the printed text as its note, rather than given a figure the report does
 * not hold.
 */
import { isNumericText } from './piece-text.ts';
import type { Box } from './table-rules.ts';
import type { TextPiece } from './text-pieces.ts';

export const CUT_MARK = '…';

/**
 * How close (in character heights) to the clip a run must end for a next glyph to have been dropped: a
 * glyph is left out only when it lies wholly outside, so one starting well inside would still show.
 */
const EDGE = 0.1;

export function markClippedFigures(pieces: readonly TextPiece[], clip: Box | null): TextPiece[] {
  if (!clip) return [...pieces];
  return pieces.map((p) =>
    isNumericText(p.text) && p.right >= clip.right - EDGE * p.size ? { ...p, text: p.text + CUT_MARK } : p,
  );
}
