import { describe, expect, it } from 'vitest';
import type { RuleCode } from '#shared/report/findings.ts';
import { cellRefs } from '#shared/report/paths.ts';
import { buildReport, modified, withCell, withCells, withNote } from '../../helpers/report-builder.ts';
import { expectFindings, findingsOf, type RuleCase } from './rule-case.ts';

const report2021 = buildReport('2021');
const report2019 = buildReport('2019');

const withExtraRow = (cells: Record<string, number | null>) =>
  modified(report2019, (r) => {
    r.proactiveDisclosure.extraRows = { 其他主动公开文件: cells };
  });

const CASES: Record<'H5' | 'H6' | 'H7', readonly RuleCase[]> = {
  H5: [
    { name: 'passes whole counts and the signed 2019 本年增/减', report: () => report2019, findings: [] },
    {
      name: 'fails a negative count',
      report: () => withCell(report2021, 'reviewsAndLawsuits.review.pending', -1),
      findings: [
        {
          paths: ['reviewsAndLawsuits.review.pending'],
          actual: -1,
          zh: ['表四 › 行政复议 › 尚未审结', '非负整数', '-1'],
        },
      ],
    },
    {
      name: 'fails a fractional count',
      report: () => withCell(report2021, 'proactiveDisclosure.penalty.decisions', 3.5),
      findings: [
        { paths: ['proactiveDisclosure.penalty.decisions'], actual: 3.5, zh: ['表二 › 第二十条第（六）项 › 行政处罚'] },
      ],
    },
    {
      name: 'fails a fractional 本年增/减 but not a negative one',
      report: () =>
        withCells(report2019, {
          'proactiveDisclosure.licensing.change': -417,
          'proactiveDisclosure.penalty.change': 1.5,
        }),
      findings: [{ paths: ['proactiveDisclosure.penalty.change'], zh: ['应为整数'] }],
    },
    {
      name: 'fails a runaway count, signed or not, that no agency could have received',
      report: () =>
        withCells(report2019, {
          'proactiveDisclosure.licensing.change': -10_000_000,
          'proactiveDisclosure.penalty.change': 1e300,
          'applications.newReceived.total': Number('99999999999999999999999999'),
          'applications.newReceived.naturalPerson': 9_999_999,
        }),
      findings: [
        { paths: ['proactiveDisclosure.licensing.change'], zh: ['10,000,000'] },
        { paths: ['proactiveDisclosure.penalty.change'], actual: 1e300 },
        { paths: ['applications.newReceived.total'], zh: ['非负整数（件数，小于 10,000,000）'] },
      ],
    },
    {
      name: 'checks the counts of provincial extra rows',
      report: () => withExtraRow({ newlyMade: -2, newlyPublished: 3, totalPublished: 10 }),
      findings: [
        {
          paths: ['proactiveDisclosure.extraRows.其他主动公开文件.newlyMade'],
          zh: ['表二 › 其他主动公开文件 › 本年新制作数量'],
        },
      ],
    },
  ],
  H6: [
    {
      name: 'passes a decimal amount in 万元',
      report: () => withCell(report2021, 'proactiveDisclosure.adminFees.amountWanYuan', 4068.208),
      findings: [],
    },
    {
      name: 'fails a negative fee amount',
      report: () => withCell(report2021, 'proactiveDisclosure.adminFees.amountWanYuan', -12.5),
      findings: [
        {
          paths: ['proactiveDisclosure.adminFees.amountWanYuan'],
          actual: -12.5,
          zh: ['本年收费金额（单位：万元）', '不能为负数'],
        },
      ],
    },
    {
      name: 'fails an amount with more decimals than 万元 to 分',
      report: () => withCell(report2019, 'proactiveDisclosure.procurement.totalAmount', 1.1234567),
      findings: [{ paths: ['proactiveDisclosure.procurement.totalAmount'], zh: ['采购总金额', '小数位过多'] }],
    },
    {
      name: 'fails an amount too large to be real, however it was printed',
      report: () =>
        withCells(report2021, {
          'proactiveDisclosure.adminFees.amountWanYuan': 1e300,
        }),
      findings: [{ paths: ['proactiveDisclosure.adminFees.amountWanYuan'], actual: 1e300, zh: ['超出合理范围'] }],
    },
    {
      name: 'fails an amount of 26 nines, which a double can only round',
      report: () =>
        withCell(report2021, 'proactiveDisclosure.adminFees.amountWanYuan', Number('99999999999999999999999999')),
      findings: [{ paths: ['proactiveDisclosure.adminFees.amountWanYuan'], zh: ['超出合理范围'] }],
    },
    {
      name: 'treats an extra-row column labelled as an amount as an amount',
      report: () => withExtraRow({ 采购金额: 12.75 }),
      findings: [],
    },
  ],
  H7: [
    { name: 'passes a report without blanks', report: () => report2021, findings: [] },
    {
      name: 'reports each missing cell with its printed placeholder',
      report: () =>
        withNote(
          withCell(report2021, 'applications.unableNotHeld.naturalPerson', null),
          'applications.unableNotHeld.naturalPerson',
          '/',
        ),
      findings: [
        {
          paths: ['applications.unableNotHeld.naturalPerson'],
          zh: ['表三 › （四）无法提供 › 1.本机关不掌握相关政府信息 › 自然人', '“/”', '不能当作 0'],
        },
      ],
    },
    {
      name: 'reports a table with labels but no numbers once',
      report: () =>
        modified(report2021, (r) => {
          for (const group of Object.values(r.reviewsAndLawsuits)) {
            for (const key of Object.keys(group) as (keyof typeof group)[]) group[key] = null;
          }
        }),
      findings: [
        {
          paths: cellRefs(report2021.shapes)
            .filter((c) => c.table === 'reviewsAndLawsuits')
            .map((c) => c.path),
          zh: ['表四缺失或为空'],
        },
      ],
    },
  ],
};

for (const [code, cases] of Object.entries(CASES)) {
  describe(`${code} cell values`, () => {
    it.each(cases)('$name', ({ report, context, findings }) => {
      expectFindings(findingsOf(code as RuleCode, report(), context), findings);
    });
  });
}

describe('H7 and arithmetic together', () => {
  it('reports a blank 总计 as missing and never as an arithmetic error', () => {
    const report = withCell(report2021, 'applications.totalProcessed.total', null);
    const codes = (['H1', 'H2', 'H3', 'H7'] as const).flatMap((code) => findingsOf(code, report));
    expect(findingsOf('H7', report)).toHaveLength(1);
    expect(codes).toHaveLength(1);
  });
});
