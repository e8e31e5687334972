/** H4: in 表四 each group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 — the rule real reports break most. */

import type { Finding } from '#shared/report/findings.ts';
import { REVIEW_COLUMNS, REVIEW_GROUPS } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import type { CellValues } from '#shared/report/paths.ts';
import type { ValidationContext } from './rule.ts';
import { checkTotal, type TotalRule } from './total-check.ts';

const PARTS = REVIEW_COLUMNS.filter((c) => c.key !== 'total');
const PART_NAMES = PARTS.map((c) => c.label).join('、');

const TOTALS: readonly TotalRule[] = REVIEW_GROUPS.map(({ key }) => ({
  code: 'H4',
  totalPath: `reviewsAndLawsuits.${key}.total`,
  partPaths: PARTS.map((c) => `reviewsAndLawsuits.${key}.${c.key}`),
  describe: ({ total, actual, expected }) => ({
    zh: `${total}（${actual}）不等于${PART_NAMES}之和（${expected}）`,
    en: `reviewsAndLawsuits.${key}.total is ${actual} but upheld + corrected + other + pending sum to ${expected}`,
  }),
}));

export function checkReviewTotals(report: Report, _context: ValidationContext, cells: CellValues): Finding[] {
  return TOTALS.flatMap((rule) => checkTotal(report, cells, rule));
}
