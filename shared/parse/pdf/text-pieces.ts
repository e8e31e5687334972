/**
 * Positioned text runs of a PDF in one top-down coordinate space for the whole document: page n sits
 * below page n−1, so a table that continues on the next page keeps its rows in order and a cell split by
 * the page break ("（四）无" / "法提供") stays in the same column.
 */
import { isPageNumberText, tidyText } from './piece-text.ts';

export interface TextPiece {
  readonly page: number;
  readonly x: number;
  readonly right: number;
  /** Top and bottom of the glyph box, document coordinates growing downwards. */
  readonly top: number;
  readonly bottom: number;
  readonly size: number;
  readonly text: string;
}

/** The part of a pdf.js text item the layout needs (`transform` is [a, b, c, d, e, f]). */
export interface RawTextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

export interface PageFrame {
  readonly page: number;
  /** Where the page's top edge sits in document coordinates. */
  readonly offset: number;
  readonly height: number;
}

/** Converts one page's text items; blank runs (pdf.js emits spaces with absurd widths) are dropped. */
export function piecesOfPage(items: readonly RawTextItem[], frame: PageFrame): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const item of items) {
    const text = tidyText(item.str);
    if (text === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
    const size = Math.max(Math.hypot(c, d), Math.hypot(a, b), 1);
    // Vertical runs (a group label typeset top to bottom) report their extent in `height`.
    const extent = Math.max(item.height, size);
    const baseline = frame.offset + frame.height - f;
    pieces.push({
      page: frame.page,
      x: e,
      right: e + Math.max(item.width, 0),
      top: baseline - extent,
      bottom: baseline,
      size,
      text,
    });
  }
  return pieces.filter((p) => !isPageFooter(p, pieces));
}

/**
 * Page numbers are printed on the page, not in the report: "- 4 -" lands between table rows in the
 * default text stream. A lone number is only a page number in the bottom margin with nothing beside it.
 */
function isPageFooter(piece: TextPiece, pagePieces: readonly TextPiece[]): boolean {
  if (isPageNumberText(piece.text)) return true;
  if (!/^\d{1,4}$/.test(piece.text)) return false;
  const lowest = Math.max(...pagePieces.map((p) => p.bottom));
  const alone = pagePieces.every((p) => p === piece || p.bottom < piece.top - piece.size);
  return piece.bottom >= lowest && alone;
}
