/**
 * S5: parts 一, 五 and 六 must say something; "无" alone in 五 is a known way of skipping it that
 * assessments penalise. The preamble is optional: many reports start straight with 一、总体情况.
 */

import type { Finding } from '#shared/report/findings.ts';
import { TEXT_PART_LABELS, type TextPartKey } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { finding } from '../messages.ts';

const REQUIRED: readonly TextPartKey[] = ['overview', 'problemsAndImprovements', 'otherMatters'];
const PUNCTUATION = /[\s。.，,；;：:！!、]/g;
const NOTHING = /^(?:无|無|暂无|没有|略|无此项)?$/;

export function checkTextParts(report: Report): Finding[] {
  return REQUIRED.flatMap((key) => {
    const text = report.text[key].replace(PUNCTUATION, '');
    if (!NOTHING.test(text)) return [];
    const title = TEXT_PART_LABELS[key];
    const said =
      text === ''
        ? { zh: '内容为空', en: 'is empty' }
        : { zh: `只写了“${report.text[key].trim()}”`, en: `only says "${report.text[key].trim()}"` };
    return [
      finding('S5', [`text.${key}`], {
        zh: `${title}${said.zh}，请按年度报告格式如实填写。`,
        en: `Part ${title} ${said.en}; the report format requires its content.`,
      }),
    ];
  });
}
