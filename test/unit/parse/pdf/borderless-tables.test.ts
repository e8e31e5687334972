import { describe, expect, it } from 'vitest';
import { assembleReport } from '#shared/parse/assemble/assemble-report.ts';
import { type Block, type Grid, originTexts } from '#shared/parse/grid.ts';
import { layoutBlocks } from '#shared/parse/pdf/layout-blocks.ts';
import { loadPdfPieces } from '#shared/parse/pdf/load-pdf.ts';
import { tablePagesOf } from '#shared/parse/pdf/page-flow.ts';
import { groupLines } from '#shared/parse/pdf/text-lines.ts';
import type { TextPiece } from '#shared/parse/pdf/text-pieces.ts';
import { cellAccuracy } from '../../../helpers/cell-accuracy.ts';
import { corpusBytes, corpusExpected, corpusFiles } from '../../../helpers/corpus.ts';

/**
 * Tables without table lines are read by their text's geometry: a row is the band its label spans, figures
 * belong to the band that holds them, and runs that join two cells are cut at the column's edge.
 */

/** A run of 10-point text on page 1 whose top is `top` points below the page's top edge. */
function at(x: number, top: number, text: string, size = 10): TextPiece {
  const width = [...text].reduce((w, ch) => w + (/[\d.]/.test(ch) ? 0.55 : 1) * size, 0);
  return { page: 1, x, right: x + width, top, bottom: top + size, size, text };
}

/** Prose set larger than the table, so the table's lines are told apart from it. */
const intro = [20, 44, 68].map((y) =>
  at(74, y, '本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自1月1日起至12月31日止。', 12),
);

const COLUMNS = [200, 250, 300];

function figures(top: number, values: readonly (string | null)[]): TextPiece[] {
  return values.flatMap((v, i) => (v === null ? [] : [at(COLUMNS[i] as number, top, v)]));
}

function rowTexts(blocks: readonly Block[]): string[][] {
  return blocks
    .filter((b): b is { kind: 'table'; grid: Grid } => b.kind === 'table')
    .flatMap((b) => b.grid.rows.map(originTexts));
}

describe('tables without table lines', () => {
  it('gives a wrapped label the figures set between its lines, and the total set on its first line', () => {
    const blocks = layoutBlocks([
      ...intro,
      ...[at(80, 120, '2.申请人逾期'), at(300, 120, '80')],
      ...[at(80, 136, '未按收费通知'), ...figures(144, ['20', '2', null])],
      at(80, 152, '要求缴纳费用'),
      ...[at(80, 168, '3.其他'), ...figures(168, ['21', '3', '86'])],
    ]);
    expect(rowTexts(blocks)).toEqual([
      ['2.申请人逾期未按收费通知要求缴纳费用', '20', '2', '80'],
      ['3.其他', '21', '3', '86'],
    ]);
  });

  it('starts a new row where a label line of the same width brings figures to columns the row has', () => {
    const blocks = layoutBlocks([
      ...intro,
      ...[at(80, 120, '行政处罚'), ...figures(120, ['87', null, null])],
      ...[at(80, 136, '行政强制'), ...figures(136, ['9', null, null])],
      at(80, 152, '其他对外'),
      ...[at(80, 168, '管理服务'), ...figures(168, ['64', '12', '318'])],
      at(80, 184, '事项'),
    ]);
    expect(rowTexts(blocks)).toEqual([
      ['行政处罚', '87', '', ''],
      ['行政强制', '9', '', ''],
      ['其他对外管理服务事项', '64', '12', '318'],
    ]);
  });

  it('cuts a run that joins a group label and a row label, or a label and a figure, where the column starts', () => {
    const blocks = layoutBlocks([
      ...intro,
      ...[at(60, 120, '（三）'), at(100, 120, '1.属于国家秘密'), ...figures(120, ['3', '8', '70'])],
      // pdf.js joins the glyphs of cells that touch: "（三）不" + "2.其他法律", "规禁止公开" + "4".
      ...[at(60, 136, '（三）不2.其他法律'), ...figures(136, [null, '9', '53'])],
      { ...at(100, 152, '规禁止公开4'), right: 205.5 },
    ]);
    expect(rowTexts(blocks).map((r) => r.slice(-4))).toEqual([
      ['1.属于国家秘密', '3', '8', '70'],
      ['2.其他法律规禁止公开', '4', '9', '53'],
    ]);
  });

  it('never places figures beside no label between two rows that could both hold them', () => {
    const blocks = layoutBlocks([
      ...intro,
      ...[at(80, 120, '1.信访举报'), ...figures(120, ['14', null, '67'])],
      ...figures(140, [null, '19', null]),
      ...[at(80, 160, '2.重复申请'), ...figures(160, ['15', null, '73'])],
    ]);
    const cells = rowTexts(blocks).flat();
    expect(cells).not.toContain('19');
    expect(cells.some((c) => c.startsWith('19') && c !== '19')).toBe(true);
  });
});

/**
 * Exports that drop the table lines: every LibreOffice PDF of the corpus, read as if its rules were not
 * there, still reads every cell and invents none.
 */
describe.each(corpusFiles().filter((f) => f.form === 'libreoffice.pdf'))(
  '$file without its rules',
  ({ file, source }) => {
    it('reads every cell by the text alone', async () => {
      const { pieces } = await loadPdfPieces(corpusBytes(file), (text) => tablePagesOf(groupLines(text)));
      const { report } = assembleReport({ layout: 'pdf/text-positions', blocks: layoutBlocks(pieces, []) });
      const accuracy = cellAccuracy(corpusExpected(source), report);
      expect(accuracy.wrong).toEqual([]);
      expect(accuracy.missing).toEqual([]);
    });
  },
);
