import { describe, it } from 'vitest';
import type { RuleCode } from '#shared/report/findings.ts';
import { buildReport, withCell, withText, zeroReport } from '../../helpers/report-builder.ts';
import { expectFindings, findingsOf, type RuleCase } from './rule-case.ts';

const report = buildReport('2021');
const received = report.applications.newReceived.total ?? 0;
const carried = report.applications.carriedOver.total ?? 0;
const UNPAID = 'applications.otherUnpaidFee.total';

const CASES: Record<'S1' | 'S4' | 'S5', readonly RuleCase[]> = {
  S1: [
    { name: 'passes an overview that quotes the tables', report: () => report, findings: [] },
    { name: 'passes the seed wording "无公开信息申请" over an all-zero table', report: zeroReport, findings: [] },
    {
      name: 'accepts a received figure that includes the carried-over applications',
      report: () => withText(report, 'overview', `共受理政府信息公开申请${received + carried}件`),
      findings: [],
    },
    {
      name: 'warns when the quoted number of applications differs from 表三',
      report: () => withText(report, 'overview', '本年度共收到政府信息公开申请2件，均已办结。'),
      findings: [
        {
          paths: ['applications.newReceived.total', 'text.overview'],
          expected: received,
          actual: 2,
          zh: [
            '一、总体情况写有“收到政府信息公开申请2件”',
            `表三 › 一、本年新收政府信息公开申请数量 › 总计（${received}）`,
          ],
        },
      ],
    },
    {
      name: 'warns when "无公开信息申请" contradicts a non-zero table',
      report: () => withText(report, 'overview', '报告期内，无公开信息申请。'),
      findings: [
        {
          paths: ['applications.newReceived.total', 'text.overview'],
          expected: received,
          actual: 0,
          zh: ['“无公开信息申请”（即 0 件）'],
        },
      ],
    },
    {
      name: 'compares lawsuits with both litigation groups of 表四',
      report: () => withText(report, 'overview', '提起行政诉讼5件'),
      findings: [
        {
          paths: [
            'reviewsAndLawsuits.litigationDirect.total',
            'reviewsAndLawsuits.litigationAfterReview.total',
            'text.overview',
          ],
          expected: 11,
          actual: 5,
          zh: ['之和（11）'],
        },
      ],
    },
  ],
  S4: [
    { name: 'passes fee notices reported beside unpaid-fee applications', report: () => report, findings: [] },
    { name: 'passes the seed: no notices and no unpaid-fee applications', report: zeroReport, findings: [] },
    {
      name: 'warns when part 六 says no notice was issued but （六）2 is not 0',
      report: () => withText(report, 'otherMatters', '本年度未制发信息处理费收费通知，未收取信息处理费。'),
      findings: [{ paths: [UNPAID, 'text.otherMatters'], zh: ['逾期未缴纳信息处理费', '写明未制发收费通知'] }],
    },
    {
      name: 'passes 2 applications dropped for unpaid fees beside "无收取信息处理费情况" (charged, never collected)',
      report: () => withText(withCell(report, UNPAID, 2), 'otherMatters', '本年度无收取信息处理费情况。'),
      findings: [],
    },
    {
      name: 'warns when part 六 says nothing was charged, though it also speaks of collection',
      report: () =>
        withText(withCell(report, UNPAID, 2), 'otherMatters', '本年度未收取信息处理费，未发出信息处理费缴费通知。'),
      findings: [
        { paths: [UNPAID, 'text.otherMatters'], zh: ['表明有申请人逾期未缴纳信息处理费', '未制发收费通知或未收费'] },
      ],
    },
    {
      name: 'warns when part 六 is silent on fee notices',
      report: () => withText(report, 'otherMatters', '人大代表建议和政协提案办理结果已全部公开。'),
      findings: [{ paths: [UNPAID, 'text.otherMatters'], zh: ['未说明信息处理费收费通知的情况'] }],
    },
    {
      name: 'warns when part 六 reports unpaid-fee applications that （六）2 does not count',
      report: () =>
        withText(zeroReport(), 'otherMatters', '发出收费通知2份，申请人逾期未缴纳费用的申请2件，行政机关不再处理。'),
      findings: [{ paths: [UNPAID, 'text.otherMatters'], expected: 2, actual: 0 }],
    },
    {
      name: 'never reads 行政事业性收费, an unrelated figure',
      report: () => withCell(zeroReport(), 'proactiveDisclosure.adminFees.amountWanYuan', 30),
      findings: [],
    },
  ],
  S5: [
    {
      name: 'passes parts with content and an empty preamble',
      report: () => withText(report, 'preamble', ''),
      findings: [],
    },
    {
      name: 'warns on an empty part',
      report: () => withText(report, 'overview', '  \n'),
      findings: [{ paths: ['text.overview'], zh: ['一、总体情况内容为空'] }],
    },
    {
      name: 'warns on a part that only says 无',
      report: () => withText(report, 'problemsAndImprovements', '无。'),
      findings: [{ paths: ['text.problemsAndImprovements'], zh: ['五、存在的主要问题及改进情况只写了“无。”'] }],
    },
  ],
};

for (const [code, cases] of Object.entries(CASES)) {
  describe(`${code} text against tables`, () => {
    it.each(cases)('$name', ({ report, context, findings }) => {
      expectFindings(findingsOf(code as RuleCode, report(), context), findings);
    });
  });
}
