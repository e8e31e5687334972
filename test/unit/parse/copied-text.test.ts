import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '#shared/parse/parse-report.ts';
import { readText } from '#shared/parse/text/read-text.ts';
import { ReportSchema } from '#shared/report/model.ts';
import { cellAccuracy } from '../../helpers/cell-accuracy.ts';

const CORPUS = join(import.meta.dirname, '../../fixtures/corpus');

/** Text copied out of Chromium showing each HTML fixture (test/fixtures/corpus/generator/write-copied-text.ts). */
const COPIED = [
  ['word-2021', 'text/cell-lines', 'Word HTML, cells holding paragraphs: a blank line around every cell'],
  ['word-2019', 'text/cell-lines', 'Word HTML in the 2019 format, with an empty cell between figures'],
  ['cms-2022', 'text/tab-rows', 'a CMS page: tab-separated rows, header cells cut by their line breaks'],
  ['hybrid-2023', 'text/tab-rows', 'the hybrid 23-row table as tab-separated rows'],
] as const;

describe.each(COPIED)('text copied from Chromium showing %s', (name, layout, what) => {
  it(`reads every cell of ${what}`, async () => {
    const file = `${name}.chromium-copy`;
    const expected = ReportSchema.parse(JSON.parse(readFileSync(join(CORPUS, `${name}.expected.json`), 'utf8')));
    const parsed = await parseReport({
      bytes: new Uint8Array(readFileSync(join(CORPUS, `${file}.txt`))),
      fileName: 'x.txt',
    });
    expect(parsed.layout).toBe(layout);
    const accuracy = cellAccuracy(expected, parsed.report);
    expect(accuracy.wrong).toEqual([]);
    expect(accuracy.missing).toEqual([]);
  });
});

function rowsOf(text: string): string[][] {
  return readText(text).blocks.flatMap((b) => (b.kind === 'table' ? b.grid.rows.map((r) => r.map((c) => c.text)) : []));
}

describe('tab-separated rows (Word, WPS and LibreOffice clipboard text)', () => {
  it('keeps merged cells left empty in their columns', () => {
    const text = [
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t\t2\t5',
      '行政规范性文件\t3\t\t9',
      '',
    ].join('\n');
    expect(rowsOf(text)).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '', '2', '5'],
      ['行政规范性文件', '3', '', '9'],
    ]);
  });

  it('joins a header cell cut by its line break to the row it heads', () => {
    const text = ['自然人\t法人或其他组织\t总计', '商业', '企业\t科研', '机构\t其他', '申请数量\t1\t2\t3', ''].join(
      '\n',
    );
    expect(rowsOf(text)[1]).toEqual(['商业企业', '科研']);
  });
});

describe('one cell per line with a blank line around every cell (a browser copy of <p> cells)', () => {
  it('rebuilds rows from labels and figures, never shifting past an empty cell', () => {
    const text = [
      '信息内容',
      '',
      '本年增/减',
      '',
      '行政强制',
      '',
      '23',
      '',
      ' ',
      '',
      '14',
      '',
      '行政处罚',
      '',
      '5',
      '',
      '6',
      '',
      '7',
      '',
    ];
    expect(rowsOf(text.join('\n'))).toEqual([
      ['信息内容', '本年增/减', '行政强制', '23', '', '14'],
      ['行政处罚', '5', '6', '7'],
    ]);
  });
});

/**
 * 表四 of template-2021 copied from Chromium with its first and last figures left empty: the empty first figure
 * keeps its separator, the empty last one runs into the blank lines that end the table, however many there are.
 */
function reviewsCopiedWith(tableEnd: string): string {
  const text = readFileSync(join(CORPUS, 'template-2021.chromium-copy.txt'), 'utf8');
  const figures = '\n\n4\n\n2\n\n1\n\n3\n\n10\n\n6\n\n1\n\n2\n\n5\n\n14\n\n7\n\n3\n\n8\n\n2\n\n20\n\n\n\n\n\n\n\n五、';
  expect(text).toContain(figures);
  return text.replace(
    figures,
    `\n\n\n\n2\n\n1\n\n3\n\n10\n\n6\n\n1\n\n2\n\n5\n\n14\n\n7\n\n3\n\n8\n\n2${tableEnd}五、`,
  );
}

describe('empty first and last figures of a table in a browser copy of <p> cells', () => {
  it.each([7, 8, 9, 28])('places them by the cell separators when %i blank lines end the table', async (blanks) => {
    const text = reviewsCopiedWith('\n'.repeat(blanks + 1));
    const parsed = await parseReport({ bytes: new TextEncoder().encode(text), fileName: 'x.txt' });
    expect(parsed.report?.reviewsAndLawsuits).toEqual({
      review: { upheld: null, corrected: 2, otherResult: 1, pending: 3, total: 10 },
      litigationDirect: { upheld: 6, corrected: 1, otherResult: 2, pending: 5, total: 14 },
      litigationAfterReview: { upheld: 7, corrected: 3, otherResult: 8, pending: 2, total: null },
    });
    expect(parsed.findings.filter((f) => f.code === 'H7')).toEqual([]);
  });

  it('leaves the table empty with H7 when too few separators remain to prove where the figures stand', async () => {
    const text = reviewsCopiedWith('\n');
    const parsed = await parseReport({ bytes: new TextEncoder().encode(text), fileName: 'x.txt' });
    const reviews = parsed.report?.reviewsAndLawsuits;
    expect(Object.values(reviews ?? {}).flatMap((row) => Object.values(row))).toEqual(new Array(15).fill(null));
    expect(parsed.findings.map((f) => f.code)).toContain('H7');
  });
});

describe('one cell per line ending in " |" with the padding pipes of merged cells', () => {
  it('reads "1534 |||" as the figure of a cell merged over three columns', async () => {
    const { textFixtureString, expectedReport } = await import('./fixture-files.ts');
    const text = textFixtureString('pipe-cells-2021')
      .replace('\n120 |\n', '\n120 |||\n')
      .replace('\n12.5 |\n', '\n12.5 ||\n');
    expect(text).toContain('120 |||');
    const parsed = await parseReport({ bytes: new TextEncoder().encode(text), fileName: 'x.txt' });
    expect(parsed.layout).toBe('text/pipe-cells');
    expect(parsed.findings).toEqual([]);
    expect(parsed.report).toEqual(expectedReport('pipe-cells-2021'));
  });
});

describe('pipe and markdown rows aligned to the header row', () => {
  const header = [
    '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  |  | 申请人情况 |  |  |  |  |  |  |',
    '|---|---|---|---|---|---|---|---|---|---|',
    '|  |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |',
  ];

  it('drops the padding of merged label columns and keeps blank figures in their columns', () => {
    const rows = rowsOf(
      [...header, '| 三、本年度办理结果 | （一）予以公开 |  | 258 | 12 |  |  | 1 | 1 |  |', ''].join('\n'),
    );
    expect(rows.at(-1)).toEqual(['三、本年度办理结果', '（一）予以公开', '258', '12', '', '', '1', '1', '']);
  });

  it('leaves a row alone when a label column holds a figure, or when the row has no label (表四)', () => {
    const rows = rowsOf([...header, '| 甲 | 3 |  | 4 | 5 |', '|  | 1 |  | 2 |', ''].join('\n'));
    expect(rows.slice(-2)).toEqual([
      ['甲', '3', '', '4', '5'],
      ['', '1', '', '2'],
    ]);
  });
});
