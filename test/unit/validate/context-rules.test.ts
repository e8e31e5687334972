import { describe, it } from 'vitest';
import type { RuleCode } from '#shared/report/findings.ts';
import { buildReport, modified, withCell, withNote, zeroReport } from '../../helpers/report-builder.ts';
import { expectFindings, findingsOf, type RuleCase } from './rule-case.ts';

const report = buildReport('2021', 2022);
const FEES = 'proactiveDisclosure.adminFees.amountWanYuan';
const REGULATIONS = ['issued', 'repealed', 'inForce'].map((c) => `proactiveDisclosure.regulations.${c}`);

const CASES: Record<'S2' | 'S6' | 'S7' | 'S8', readonly RuleCase[]> = {
  S2: [
    {
      name: 'passes 规章 reported by a government',
      report: () => report,
      context: { agencyKind: 'government' },
      findings: [],
    },
    {
      name: 'passes a township reporting no 规章',
      report: zeroReport,
      context: { agencyKind: 'township' },
      findings: [],
    },
    { name: 'does not guess without the agency kind', report: () => report, findings: [] },
    {
      name: 'warns when a township reports 规章',
      report: () => report,
      context: { agencyKind: 'township' },
      findings: [
        {
          paths: REGULATIONS,
          zh: [
            '表二 › 第二十条第（一）项 › 规章填有本年制发件数 2、本年废止件数 1、现行有效件数 12',
            '乡镇人民政府、街道办事处无权制定规章',
          ],
        },
      ],
    },
    {
      name: 'warns when a body that is not an administrative organ reports 规章 in force',
      report: () => withCell(withCell(zeroReport(), REGULATIONS[2] ?? '', 6), REGULATIONS[0] ?? '', 0),
      context: { agencyKind: 'other' },
      findings: [{ paths: [REGULATIONS[2] ?? ''] }],
    },
  ],
  S6: [
    { name: 'passes a 2022 report in the 2021 format', report: () => report, findings: [] },
    { name: 'passes a 2020 report in the 2019 format', report: () => buildReport('2019', 2020), findings: [] },
    {
      name: 'warns on a 2022 report still on the 2019 template',
      report: () => buildReport('2019', 2022),
      findings: [
        { paths: ['shapes.proactiveDisclosure'], zh: ['2022年度报告应使用2021年版格式'] },
        { paths: ['shapes.applications'], zh: ['23 行'] },
      ],
    },
    {
      name: 'warns on a hybrid report with the 23-row 表三',
      report: () => buildReport('hybrid', 2023),
      findings: [{ paths: ['shapes.applications'] }],
    },
    {
      name: 'warns on a 2020 report in the 2021 format',
      report: () => buildReport('2021', 2020),
      findings: [{ paths: ['shapes.proactiveDisclosure'] }, { paths: ['shapes.applications'] }],
    },
    {
      name: 'warns when the title names another year',
      report: () =>
        modified(report, (r) => {
          r.title = '示范市示范局2021年政府信息公开工作年度报告';
        }),
      findings: [{ paths: ['title', 'year'], expected: 2022, actual: 2021, zh: ['（2021年）', '（2022年）'] }],
    },
  ],
  S7: [
    {
      name: 'passes a report published on the deadline',
      report: () => report,
      context: { deadline: '2023-01-20' },
      findings: [],
    },
    { name: 'needs a deadline', report: () => report, context: { deadline: null }, findings: [] },
    {
      name: 'warns when published after the deadline, with the days late',
      report: () =>
        modified(report, (r) => {
          r.publishedOn = '2023-02-14';
        }),
      context: { deadline: '2023-01-31' },
      findings: [{ paths: ['publishedOn'], zh: ['2023-02-14', '2023-01-31', '逾期 14 天'] }],
    },
  ],
  S8: [
    {
      name: 'passes an ordinary amount in 万元',
      report: () => report,
      context: { agencyKind: 'department' },
      findings: [],
    },
    {
      name: 'passes a city-wide amount for a government',
      report: () => withCell(report, FEES, 96171.6),
      context: { agencyKind: 'government' },
      findings: [],
    },
    {
      name: 'warns when a department reports more than 1 亿元 of fees',
      report: () => withCell(report, FEES, 251000),
      context: { agencyKind: 'department' },
      findings: [{ paths: [FEES], actual: 251000, zh: ['251000 万元'] }],
    },
    {
      name: 'warns when the printed cell carries 元',
      report: () => withNote(withCell(report, FEES, 3800), FEES, '3800元'),
      findings: [{ paths: [FEES], expected: 0.38, actual: 3800, zh: ['“3800元”', '0.38 万元'] }],
    },
    {
      name: 'accepts a cell printed with 万元',
      report: () => withNote(withCell(report, FEES, 12.5), FEES, '12.5万元'),
      findings: [],
    },
  ],
};

for (const [code, cases] of Object.entries(CASES)) {
  describe(`${code} facts beyond the tables`, () => {
    it.each(cases)('$name', ({ report, context, findings }) => {
      expectFindings(findingsOf(code as RuleCode, report(), context), findings);
    });
  });
}
