/** Small synthetic PDF geometry: text runs and table rules in document coordinates, as the reader sees them. */
import type { Block, Grid } from '#shared/parse/grid.ts';
import type { Rule } from '#shared/parse/pdf/table-rules.ts';
import type { TextPiece } from '#shared/parse/pdf/text-pieces.ts';

const PAGE_HEIGHT = 842;
const PAGE_GAP = 1000;

export const pageTop = (page: number) => (page - 1) * (PAGE_HEIGHT + PAGE_GAP);

/** A run whose baseline is `fromTop` points below its page's top edge; figures half a character wide. */
export function run(page: number, x: number, fromTop: number, text: string, size = 8): TextPiece {
  const bottom = pageTop(page) + fromTop;
  const width = [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1) * size, 0);
  return { page, x, right: x + width, top: bottom - size, bottom, size, text };
}

/** Body prose, so that the table's smaller text is told apart from it. */
export function prose(page: number, fromTop: number, text: string): TextPiece {
  return run(page, 74, fromTop, text, 16);
}

/** A merged cell: rows r0..r1 and columns c0..c1 of the lattice (inclusive). */
export type Merge = readonly [r0: number, c0: number, r1: number, c1: number];

const inside = (m: Merge, r: number, c: number) => r >= m[0] && r <= m[2] && c >= m[1] && c <= m[3];

/**
 * The rules of a table with column lines `xs` and row lines `ys` (from the page's top), drawn one cell
 * edge at a time as Chromium draws them; no edge is drawn inside a merged cell.
 */
export function ruledTable(page: number, xs: readonly number[], ys: readonly number[], merges: readonly Merge[] = []) {
  const rules: Rule[] = [];
  const top = pageTop(page);
  const merged = (r1: number, c1: number, r2: number, c2: number) =>
    merges.some((m) => inside(m, r1, c1) && inside(m, r2, c2));
  for (let r = 0; r < ys.length; r++) {
    for (let c = 0; c + 1 < xs.length; c++) {
      if (r > 0 && r < ys.length - 1 && merged(r - 1, c, r, c)) continue;
      rules.push({ page, axis: 'h', at: top + (ys[r] as number), from: xs[c] as number, to: xs[c + 1] as number });
    }
  }
  for (let c = 0; c < xs.length; c++) {
    for (let r = 0; r + 1 < ys.length; r++) {
      if (c > 0 && c < xs.length - 1 && merged(r, c - 1, r, c)) continue;
      rules.push({
        page,
        axis: 'v',
        at: xs[c] as number,
        from: top + (ys[r] as number),
        to: top + (ys[r + 1] as number),
      });
    }
  }
  return rules;
}

/** The tables' rows as origin texts, spanned copies shown as "^". */
export function tableTexts(blocks: readonly Block[]): string[][][] {
  return blocks
    .filter((b): b is { kind: 'table'; grid: Grid } => b.kind === 'table')
    .map((b) => b.grid.rows.map((row) => row.map((c) => (c.spanned ? '^' : c.text))));
}

/** Most characters of a report are prose; the body size is told from them. */
export const intro = [20, 44, 68].map((y) =>
  prose(1, y, '本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自1月1日起至12月31日止。'),
);
