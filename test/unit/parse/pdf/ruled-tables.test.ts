import { describe, expect, it } from 'vitest';
import { layoutBlocks } from '#shared/parse/pdf/layout-blocks.ts';
import { intro, prose, ruledTable, run, tableTexts } from './ruled-geometry.ts';

/** Label column 80–250, three value columns of 40 points. */
const XS = [80, 250, 290, 330, 370];

function figures(page: number, fromTop: number, values: readonly string[]) {
  return values.map((v, i) => run(page, (XS[i + 1] as number) + 4, fromTop, v));
}

describe('PDF tables drawn with rules', () => {
  it('reads a label wrapped around its figures as one cell, the figures in its row band', () => {
    const rules = ruledTable(1, XS, [110, 140, 160]);
    const blocks = layoutBlocks(
      [
        ...intro,
        run(1, 82, 122, '1.本机关不掌握相关政府信'),
        ...figures(1, 128, ['7', '0', '7']),
        run(1, 82, 136, '息'),
        run(1, 82, 154, '2.没有现成信息需要另行制作'),
        ...figures(1, 154, ['1', '0', '1']),
      ],
      rules,
    );
    expect(tableTexts(blocks)).toEqual([
      [
        ['1.本机关不掌握相关政府信息', '7', '0', '7'],
        ['2.没有现成信息需要另行制作', '1', '0', '1'],
      ],
    ]);
  });

  it('gives a figure printed at the top of a tall row to that row, not to the line beside it', () => {
    // The total of a two-line row is set at the row's top edge, level with nothing of its own row.
    const rules = ruledTable(1, XS, [110, 140, 160]);
    const blocks = layoutBlocks(
      [
        ...intro,
        run(1, 82, 125, '（二）部分公开（区分处理的，只计这一情'),
        run(1, 82, 137, '形，不计其他情形）'),
        ...figures(1, 131, ['2', '7']),
        run(1, XS[3] as number, 118, '9'),
        run(1, 82, 154, '（三）不予公开'),
        ...figures(1, 154, ['3', '8', '11']),
      ],
      rules,
    );
    expect(tableTexts(blocks)[0]).toEqual([
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '2', '7', '9'],
      ['（三）不予公开', '3', '8', '11'],
    ]);
  });

  it('reads header cells wrapped over lines or printed one character a line as one cell each', () => {
    const rules = ruledTable(1, XS, [110, 150, 170]);
    const header = [
      ...['结', '果', '维', '持'].map((ch, i) => run(1, 256, 120 + 9 * i, ch)),
      run(1, 292, 126, '结果'),
      run(1, 292, 136, '纠正'),
      run(1, 332, 130, '总计'),
    ];
    const blocks = layoutBlocks(
      [...intro, run(1, 82, 132, '行政复议'), ...header, ...figures(1, 164, ['4', '2', '6'])],
      rules,
    );
    expect(tableTexts(blocks)[0]).toEqual([
      ['行政复议', '结果维持', '结果纠正', '总计'],
      ['', '4', '2', '6'],
    ]);
  });

  it('makes a label spanning rows one merged cell, with spanned copies on the rows below', () => {
    const xs = [80, 120, 250, 290, 330, 370];
    const rules = ruledTable(1, xs, [110, 130, 150, 170], [[0, 0, 2, 0]]);
    const group = ['（三）', '不予', '公开'].map((text, i) => run(1, 82, 130 + 10 * i, text));
    const rows = ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”'].flatMap((label, i) => [
      run(1, 122, 124 + 20 * i, label),
      ...['1', '0', '1'].map((v, k) => run(1, xs[k + 2] as number, 124 + 20 * i, v)),
    ]);
    expect(tableTexts(layoutBlocks([...intro, ...group, ...rows], rules))[0]).toEqual([
      ['（三）不予公开', '1.属于国家秘密', '1', '0', '1'],
      ['^', '2.其他法律行政法规禁止公开', '1', '0', '1'],
      ['^', '3.危及“三安全一稳定”', '1', '0', '1'],
    ]);
  });

  it('takes the table edge where the rules end when the border itself was clipped away', () => {
    const rules = ruledTable(1, XS, [110, 130, 150]).filter((r) => !(r.axis === 'v' && r.at === 370));
    const blocks = layoutBlocks(
      [...intro, run(1, 82, 124, '规章'), ...figures(1, 124, ['3', '1', '27']), run(1, 82, 144, '行政规范性文件')],
      rules,
    );
    expect(tableTexts(blocks)[0]).toEqual([
      ['规章', '3', '1', '27'],
      ['行政规范性文件', '', '', ''],
    ]);
  });

  it('cuts a run that joins the figures of neighbouring cells ("236 252270")', () => {
    // Narrow columns: the producer set three cells' figures as one run, 236 | 252 | 270 (4 points a figure).
    const joined = { ...run(1, 256, 124, '236 252270'), right: 322 };
    const blocks = layoutBlocks(
      [...intro, run(1, 82, 124, '本年新收'), joined, run(1, 82, 144, '上年结转')],
      ruledTable(1, [80, 250, 290, 310, 330], [110, 130, 150]),
    );
    expect(tableTexts(blocks)[0]?.[0]).toEqual(['本年新收', '236', '252', '270']);
  });

  it('goes on with a table continued on the next page, mending the cells the page break cut', () => {
    const xs = [80, 120, 250, 290];
    const upper = ruledTable(1, xs, [700, 720, 740], [[0, 0, 1, 0]]);
    const lower = ruledTable(2, xs, [60, 80, 100, 120], [[0, 0, 1, 0]]);
    const blocks = layoutBlocks(
      [
        ...intro,
        run(1, 82, 715, '（四）无'),
        ...[
          ['1.本机关不掌握相关政府信息', '7', 714],
          ['2.没有现成信息需要另行制作', '1', 734],
        ].flatMap(([label, v, y]) => [
          run(1, 122, y as number, label as string),
          run(1, 252, y as number, v as string),
        ]),
        run(2, 82, 72, '法提供'),
        run(2, 122, 74, '3.补正后申请内容仍不明确'),
        run(2, 252, 74, '2'),
        run(2, 122, 94, '1.信访举报投诉类申请'),
        run(2, 252, 94, '5'),
        run(2, 82, 114, '（六）其他'),
        run(2, 122, 114, '1.申请人无正当理由逾期不补'),
        run(2, 252, 114, '3'),
        prose(2, 200, '四、政府信息公开行政复议、行政诉讼情况'),
      ],
      [...upper, ...lower],
    );
    const [table] = tableTexts(blocks);
    expect(table?.map((row) => row.join('|'))).toEqual([
      '（四）无法提供|1.本机关不掌握相关政府信息|7',
      '^|2.没有现成信息需要另行制作|1',
      '^|3.补正后申请内容仍不明确|2',
      '^|1.信访举报投诉类申请|5',
      '（六）其他|1.申请人无正当理由逾期不补|3',
    ]);
    expect(blocks.at(-1)).toEqual({ kind: 'paragraph', text: '四、政府信息公开行政复议、行政诉讼情况' });
  });

  it('joins the rest of a row the page break cut, but never a header printed again', () => {
    const xs = [80, 250, 290];
    const page1 = ruledTable(1, xs, [680, 700, 740]);
    const page2 = ruledTable(2, xs, [60, 80, 100, 120]);
    const blocks = layoutBlocks(
      [
        ...intro,
        run(1, 82, 694, '信息内容'),
        run(1, 252, 694, '件数'),
        run(1, 82, 734, '1.申请人无正当理由逾期不补'),
        run(1, 252, 734, '4'),
        run(2, 82, 74, '正、行政机关不再处理其申请'),
        run(2, 82, 94, '信息内容'),
        run(2, 252, 94, '件数'),
        run(2, 82, 114, '2.申请人逾期未按收费通知要求缴纳费用'),
        run(2, 252, 114, '6'),
      ],
      [...page1, ...page2],
    );
    expect(tableTexts(blocks)[0]?.map((row) => row.join('|'))).toEqual([
      '信息内容|件数',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其申请|4',
      '^|^',
      '信息内容|件数',
      '2.申请人逾期未按收费通知要求缴纳费用|6',
    ]);
  });
});
