import { describe, it } from 'vitest';
import type { RuleCode } from '#shared/report/findings.ts';
import { RESULT_ROW_KEYS_23, RESULT_ROW_KEYS_25 } from '#shared/report/labels.ts';
import { buildReport, withCell, withCells } from '../../helpers/report-builder.ts';
import { expectFindings, findingsOf, type RuleCase } from './rule-case.ts';

const A = (row: string, column: string) => `applications.${row}.${column}`;
const IDENTITY = (column: string) =>
  ['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].map((r) => A(r, column));
const SIX = [
  'naturalPerson',
  'commercialEnterprise',
  'researchInstitution',
  'publicInterestOrg',
  'legalServiceOrg',
  'otherOrg',
];
const R = (group: string, column: string) => `reviewsAndLawsuits.${group}.${column}`;

const report2021 = buildReport('2021');
const report2019 = buildReport('2019');
const naturalPersonNew = report2021.applications.newReceived.naturalPerson ?? 0;
const newTotal = report2021.applications.newReceived.total ?? 0;

const CASES: Record<'H1' | 'H2' | 'H3' | 'H4', readonly RuleCase[]> = {
  H1: [
    { name: 'passes a consistent 25-row table', report: () => report2021, findings: [] },
    {
      name: 'passes when 一 and 二 shift by the same amount in opposite directions',
      report: () =>
        withCells(report2021, {
          [A('newReceived', 'naturalPerson')]: naturalPersonNew + 5,
          [A('carriedOver', 'naturalPerson')]: 195,
          [A('newReceived', 'total')]: newTotal + 5,
          [A('carriedOver', 'total')]: (report2021.applications.carriedOver.total ?? 0) - 5,
        }),
      findings: [],
    },
    {
      name: 'fails in each column where 一 + 二 ≠ （七） + 四, with both sums',
      report: () =>
        withCells(report2021, {
          [A('newReceived', 'naturalPerson')]: naturalPersonNew + 1,
          [A('newReceived', 'total')]: newTotal + 1,
        }),
      findings: [
        {
          paths: IDENTITY('naturalPerson'),
          expected: naturalPersonNew + 1 + 200,
          actual: naturalPersonNew + 200,
          zh: [
            '表三 › 自然人列：第一项加第二项之和',
            `（${naturalPersonNew + 201}）不等于第三项加第四项之和（${naturalPersonNew + 200}）`,
          ],
        },
        { paths: IDENTITY('total'), zh: ['表三 › 总计列：', '（勾稽关系）'] },
      ],
    },
    {
      name: 'skips a column with a missing cell instead of reading it as 0',
      report: () => withCell(report2021, A('carriedOver', 'otherOrg'), null),
      findings: [],
    },
    {
      name: 'names a legal-person column with its group',
      report: () => withCell(report2019, A('carriedForward', 'researchInstitution'), 0),
      findings: [{ paths: IDENTITY('researchInstitution'), zh: ['表三 › 法人或其他组织 › 科研机构列'] }],
    },
  ],
  H2: [
    { name: 'passes a consistent 23-row table', report: () => report2019, findings: [] },
    {
      name: 'fails when （七）总计 differs from the result rows of its column',
      report: () => withCell(report2021, A('otherMisc', 'legalServiceOrg'), 0),
      findings: [
        {
          paths: [A('totalProcessed', 'legalServiceOrg'), ...RESULT_ROW_KEYS_25.map((r) => A(r, 'legalServiceOrg'))],
          zh: ['表三 › （七）总计 › 法人或其他组织 › 法律服务机构', '不等于（一）至（六）各项办理结果之和'],
        },
      ],
    },
    {
      name: 'reads the single （六） row of the 23-row shape',
      report: () => withCell(report2019, A('otherProcessing', 'naturalPerson'), 1000),
      findings: [
        { paths: [A('totalProcessed', 'naturalPerson'), ...RESULT_ROW_KEYS_23.map((r) => A(r, 'naturalPerson'))] },
      ],
    },
    {
      name: 'skips a column with a missing result cell',
      report: () => withCell(report2021, A('granted', 'naturalPerson'), null),
      findings: [],
    },
  ],
  H3: [
    { name: 'passes when every 总计 is the sum of its row', report: () => report2021, findings: [] },
    {
      name: 'fails on the row whose 总计 is off, naming the row',
      report: () => withCell(report2021, A('unableNotHeld', 'total'), 1),
      findings: [
        {
          paths: [A('unableNotHeld', 'total'), ...SIX.map((c) => A('unableNotHeld', c))],
          actual: 1,
          zh: ['表三 › （四）无法提供 › 1.本机关不掌握相关政府信息 › 总计（1）', '自然人与法人或其他组织各列之和'],
        },
      ],
    },
    {
      name: 'points out a 0 total above non-zero parts',
      report: () => withCell(report2021, A('granted', 'total'), 0),
      findings: [{ paths: [A('granted', 'total'), ...SIX.map((c) => A('granted', c))], actual: 0, zh: ['总计填了 0'] }],
    },
    {
      name: 'skips a row with a missing cell',
      report: () => withCell(report2021, A('granted', 'total'), null),
      findings: [],
    },
  ],
  H4: [
    { name: 'passes groups whose 总计 is the sum of the four results', report: () => report2021, findings: [] },
    {
      // 洪泽区 2023 prints 总计 0 where the parts sum to 11.
      name: 'fails a group printing 总计 0 above its parts',
      report: () => withCell(report2021, R('litigationDirect', 'total'), 0),
      findings: [
        {
          paths: ['total', 'upheld', 'corrected', 'otherResult', 'pending'].map((c) => R('litigationDirect', c)),
          expected: 5,
          actual: 0,
          zh: ['表四 › 行政诉讼 › 未经复议直接起诉 › 总计（0）', '结果维持、结果纠正、其他结果、尚未审结之和（5）'],
        },
      ],
    },
    {
      name: 'skips a group with a missing cell',
      report: () => withCell(report2021, R('review', 'pending'), null),
      findings: [],
    },
  ],
};

for (const [code, cases] of Object.entries(CASES)) {
  describe(`${code} arithmetic of the tables`, () => {
    it.each(cases)('$name', ({ report, context, findings }) => {
      expectFindings(findingsOf(code as RuleCode, report(), context), findings);
    });
  });
}
