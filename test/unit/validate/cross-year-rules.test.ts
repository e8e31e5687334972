import { describe, expect, it } from 'vitest';
import type { RuleCode } from '#shared/report/findings.ts';
import { buildReport, previousYearOf, withCell, withCells } from '../../helpers/report-builder.ts';
import { expectFindings, findingsOf, type RuleCase } from './rule-case.ts';

const current = buildReport('2021', 2022);
const previous = previousYearOf(current);

const CASES: Record<'Y1' | 'Y2' | 'Y3', readonly RuleCase[]> = {
  Y1: [
    {
      name: "passes when 上年结转 is last year's 结转下年度",
      report: () => current,
      context: { previous },
      findings: [],
    },
    {
      name: 'fails per column that differs from last year, quoting both',
      report: () => current,
      context: { previous: withCell(previous, 'applications.carriedForward.commercialEnterprise', 7) },
      findings: [
        {
          paths: ['applications.carriedOver.commercialEnterprise'],
          expected: 7,
          actual: 201,
          zh: ['表三 › 二、上年结转政府信息公开申请数量 › 法人或其他组织 › 商业企业（201）', '2021年度报告', '（7）'],
        },
      ],
    },
    {
      name: 'compares nothing across a gap year',
      report: () => current,
      context: { previous: { ...withCell(previous, 'applications.carriedForward.total', 0), year: 2020 } },
      findings: [],
    },
    { name: 'needs the previous report', report: () => current, context: { previous: null }, findings: [] },
  ],
  Y2: [
    {
      name: "passes when 现行有效 continues last year's count",
      report: () => current,
      context: { previous },
      findings: [],
    },
    {
      name: 'warns when 现行有效 ≠ last year + 制发 − 废止',
      report: () => withCell(current, 'proactiveDisclosure.regulations.inForce', 20),
      context: { previous },
      findings: [
        {
          paths: [
            'proactiveDisclosure.regulations.inForce',
            'proactiveDisclosure.regulations.issued',
            'proactiveDisclosure.regulations.repealed',
          ],
          expected: 12,
          actual: 20,
          zh: ['表二 › 第二十条第（一）项 › 规章 › 现行有效件数（20）', '11 + 本年制发 2 − 本年废止 1 = 12'],
        },
      ],
    },
    {
      name: 'does not compare against a 2019-format table',
      report: () => withCell(current, 'proactiveDisclosure.regulations.inForce', 20),
      context: { previous: buildReport('2019', 2021) },
      findings: [],
    },
  ],
  Y3: [
    {
      name: 'passes figures that moved moderately',
      report: () => withCell(current, 'proactiveDisclosure.penalty.decisions', 150),
      context: { previous },
      findings: [],
    },
    {
      name: "warns on a figure more than five times last year's",
      report: () => withCell(current, 'proactiveDisclosure.licensing.decisions', 601),
      context: { previous },
      findings: [
        {
          paths: ['proactiveDisclosure.licensing.decisions'],
          expected: 120,
          actual: 601,
          zh: ['表二 › 第二十条第（五）项 › 行政许可', '120', '601', '5 倍'],
        },
      ],
    },
    {
      name: "warns on a figure under a fifth of last year's, including a drop to 0",
      report: () =>
        withCells(current, {
          'proactiveDisclosure.penalty.decisions': 0,
          'proactiveDisclosure.adminFees.amountWanYuan': 2.4,
        }),
      context: { previous: withCell(previous, 'proactiveDisclosure.adminFees.amountWanYuan', 12.5) },
      findings: [
        { paths: ['proactiveDisclosure.penalty.decisions'], actual: 0 },
        { paths: ['proactiveDisclosure.adminFees.amountWanYuan'], actual: 2.4 },
      ],
    },
    {
      name: 'ignores swings between small figures',
      report: () => withCell(current, 'proactiveDisclosure.coercion.decisions', 9),
      context: { previous: withCell(previous, 'proactiveDisclosure.coercion.decisions', 1) },
      findings: [],
    },
  ],
};

for (const [code, cases] of Object.entries(CASES)) {
  describe(`${code} against the previous year`, () => {
    it.each(cases)('$name', ({ report, context, findings }) => {
      expectFindings(findingsOf(code as RuleCode, report(), context), findings);
    });
  });
}

describe('cross-year rules without a previous report', () => {
  it('run none of Y1–Y3 in an offline check', () => {
    const report = withCell(current, 'proactiveDisclosure.licensing.decisions', 100_000);
    expect(findingsOf('Y3', report)).toEqual([]);
    expect(findingsOf('Y1', report)).toEqual([]);
  });
});
