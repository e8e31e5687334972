/** H4: in 表四 each group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 — the rule real reports break most. */
import { REVIEW_COLUMNS, REVIEW_GROUPS } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import type { Finding } from '../findings.ts';
import { cellName, finding, numbersAt, printed, sameAmount, sumOf } from '../messages.ts';
import { zeroTotalHint } from './total-hints.ts';

const PARTS = REVIEW_COLUMNS.filter((c) => c.key !== 'total');
const PART_NAMES = PARTS.map((c) => c.label).join('、');

export function checkReviewTotals(report: Report): Finding[] {
  return REVIEW_GROUPS.flatMap(({ key }) => {
    const totalPath = `reviewsAndLawsuits.${key}.total`;
    const partPaths = PARTS.map((c) => `reviewsAndLawsuits.${key}.${c.key}`);
    const values = numbersAt(report, [totalPath, ...partPaths]);
    if (!values) return [];
    const [total = 0, ...parts] = values;
    const sum = sumOf(values);
    const expected = sumOf(parts).value;
    if (sameAmount(total, expected, sum.decimals)) return [];
    const [e, a] = [printed(expected, sum.decimals), printed(total)];
    const hint = zeroTotalHint(total, parts);
    return [
      finding(
        'H4',
        [totalPath, ...partPaths],
        {
          zh: `${cellName(report, totalPath)}（${a}）不等于${PART_NAMES}之和（${e}）${hint.zh}`,
          en: `${totalPath} is ${a} but upheld + corrected + other + pending sum to ${e}${hint.en}`,
        },
        { expected, actual: total },
      ),
    ];
  });
}
