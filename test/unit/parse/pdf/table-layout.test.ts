import { describe, expect, it } from 'vitest';
import { type Block, type Grid, originTexts } from '#shared/parse/grid.ts';
import { layoutBlocks } from '#shared/parse/pdf/layout-blocks.ts';
import { piecesOfPage, type RawTextItem, type TextPiece } from '#shared/parse/pdf/text-pieces.ts';

const PAGE_HEIGHT = 842;

/** A run of text on page `page` whose baseline is `fromTop` points below the page's top edge. */
function at(page: number, x: number, fromTop: number, text: string, size = 8): TextPiece {
  const bottom = (page - 1) * (PAGE_HEIGHT + 1000) + fromTop;
  return {
    page,
    x,
    right: x + text.length * size * (/^[\d.]+$/.test(text) ? 0.5 : 1),
    top: bottom - size,
    bottom,
    size,
    text,
  };
}

/** Body text: enough 16-point prose that the small table text is told apart from it. */
function prose(page: number, fromTop: number, text: string): TextPiece {
  return at(page, 74, fromTop, text, 16);
}

function rowTexts(blocks: readonly Block[]): string[][] {
  const grid = blocks.find((b): b is { kind: 'table'; grid: Grid } => b.kind === 'table')?.grid;
  return grid ? grid.rows.map(originTexts) : [];
}

const FIGURE_COLUMNS = [260, 300, 340];

function figures(page: number, fromTop: number, values: readonly (string | null)[]): TextPiece[] {
  return values.flatMap((v, i) => (v === null ? [] : [at(page, FIGURE_COLUMNS[i] as number, fromTop, v)]));
}

/** Most characters of a report are prose; the body size is told from them. */
const intro = [20, 44, 68].map((y) =>
  prose(1, y, '本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自1月1日起至12月31日止。'),
);

describe('PDF table layout', () => {
  it('keeps a blank value cell in its column instead of shifting the figures left', () => {
    const blocks = layoutBlocks([
      ...intro,
      ...[at(1, 80, 120, '一、本年新收'), ...figures(1, 120, ['3', '1', '4'])],
      ...[at(1, 80, 145, '二、上年结转'), ...figures(1, 145, ['2', null, '2'])],
    ]);
    expect(rowTexts(blocks)).toEqual([
      ['一、本年新收', '3', '1', '4'],
      ['二、上年结转', '2', '', '2'],
    ]);
  });

  it('gives figures centred beside a label wrapped over three lines to that label', () => {
    const blocks = layoutBlocks([
      ...intro,
      ...[
        at(1, 80, 120, '1、申请人无正当理由逾期不补'),
        at(1, 80, 135, '正、行政机关不再处理其'),
        at(1, 80, 150, '政府信息公开申请'),
      ],
      ...figures(1, 137, ['67', '3', '71']),
      ...[at(1, 80, 175, '2、申请人逾期未按收费通知要求'), ...figures(1, 175, ['6', '0', '6'])],
    ]);
    expect(rowTexts(blocks)).toEqual([
      ['1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '67', '3', '71'],
      ['2、申请人逾期未按收费通知要求', '6', '0', '6'],
    ]);
  });

  it('merges a group label printed one character per line into one cell spanning its rows', () => {
    const group = ['三、', '本', '年', '度'].map((ch, i) => at(1, 80, 122 + 15 * i, ch));
    const rows = ['（一）予以公开', '（二）部分公开', '（七）总计'].flatMap((label, i) => [
      at(1, 110, 120 + 22 * i, label),
      ...figures(1, 120 + 22 * i, ['1', '0', '1']),
    ]);
    const blocks = layoutBlocks([...intro, ...group, ...rows]);
    const grid = blocks.find((b) => b.kind === 'table');
    expect(grid?.kind === 'table' && grid.grid.rows.map((r) => r.map((c) => (c.spanned ? '^' : c.text)))).toEqual([
      ['三、本年度', '（一）予以公开', '1', '0', '1'],
      ['^', '（二）部分公开', '1', '0', '1'],
      ['^', '（七）总计', '1', '0', '1'],
    ]);
  });

  it('continues a table on the next page and keeps its rows in order', () => {
    const blocks = layoutBlocks([
      ...intro,
      ...[at(1, 80, 700, '1.本机关不掌握相关政府信息'), ...figures(1, 700, ['7', '0', '7'])],
      ...[at(2, 80, 60, '2.没有现成信息需要另行制作'), ...figures(2, 60, ['1', '0', '1'])],
      prose(2, 200, '五、存在的主要问题及改进情况'),
    ]);
    expect(rowTexts(blocks)).toEqual([
      ['1.本机关不掌握相关政府信息', '7', '0', '7'],
      ['2.没有现成信息需要另行制作', '1', '0', '1'],
    ]);
    expect(blocks.at(-1)).toEqual({ kind: 'paragraph', text: '五、存在的主要问题及改进情况' });
  });

  it('reads a gapped line without any figures as prose, not as a table', () => {
    const blocks = layoutBlocks([
      ...intro,
      at(1, 74, 120, '联系电话：0517-83605210', 16),
      at(1, 400, 120, '邮编：223001', 16),
    ]);
    expect(blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(blocks.at(-1)).toEqual({ kind: 'paragraph', text: '联系电话：0517-83605210邮编：223001' });
  });
});

describe('PDF page text', () => {
  const item = (str: string, x: number, y: number, size = 10): RawTextItem => ({
    str,
    transform: [size, 0, 0, size, x, y],
    width: str.length * size * 0.5,
    height: size,
  });

  it('drops page numbers printed as "- 4 -" or as a lone number in the bottom margin', () => {
    const frame = { page: 1, offset: 0, height: PAGE_HEIGHT };
    const dashed = piecesOfPage([item('规章', 80, 500), item('7', 250, 500), item('- 4 -', 290, 40)], frame);
    const bare = piecesOfPage([item('规章', 80, 500), item('7', 250, 500), item('5', 290, 30)], frame);
    expect(dashed.map((p) => p.text)).toEqual(['规章', '7']);
    expect(bare.map((p) => p.text)).toEqual(['规章', '7']);
  });

  it('keeps a lone figure at the foot of a page when its label is beside it', () => {
    const frame = { page: 1, offset: 0, height: PAGE_HEIGHT };
    const pieces = piecesOfPage([item('第二十条', 80, 500), item('行政许可', 80, 40), item('550', 250, 40)], frame);
    expect(pieces.map((p) => p.text)).toEqual(['第二十条', '行政许可', '550']);
  });

  it('joins header words that the PDF spaces out', () => {
    const pieces = piecesOfPage([item('商 业 企 业', 80, 500), item('结 果 维持', 80, 480), item('2024 年', 80, 460)], {
      page: 1,
      offset: 0,
      height: PAGE_HEIGHT,
    });
    expect(pieces.map((p) => p.text)).toEqual(['商业企业', '结果维持', '2024年']);
  });
});
