/**
 * C1: a text part that repeats the same part of the agency's report for the year before; C2: every figure of
 * every table equal to last year's while the text was rewritten. Copying last year's report is the failure
 * assessors cite most (a city bureau published the same report and figures three years running).
 *
 * C1 fires when at least COPY_THRESHOLD of a part's 5-grams (copy-detection.ts) appear in last year's same part,
 * for parts long enough to be prose. The preamble is left out: the format gives its sentence, the same every
 * year by design. C2 leaves out reports whose applications and reviews are all 0: an office with no
 * applications and no cases legitimately prints the same empty tables every year.
 */

import type { Finding } from '#shared/report/findings.ts';
import { TEXT_PART_LABELS, type TextPartKey } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { type CellValues, readCellValues } from '#shared/report/paths.ts';
import { comparedText, containment, sharedPassages, shingles } from '../copy-detection.ts';
import { finding } from '../messages.ts';
import { previousYearReport } from './previous-report.ts';
import type { ValidationContext } from './rule.ts';

/** 80 %: a part rewritten for the year keeps well under half its 5-grams; one with figures updated keeps ~95 %. */
export const COPY_THRESHOLD = 0.8;
/** Parts shorter than this (compared characters) are stock sentences ("本年度未收取信息处理费"), not prose. */
export const MIN_PROSE_CHARS = 50;
const COMPARED_PARTS: readonly TextPartKey[] = ['overview', 'problemsAndImprovements', 'otherMatters'];

const percent = (share: number): string => `${Math.round(share * 100)}%`;

export function checkCopiedText(report: Report, context: ValidationContext): Finding[] {
  const previous = previousYearReport(report, context);
  if (!previous) return [];
  return COMPARED_PARTS.flatMap((key) => {
    const now = comparedText(report.text[key]);
    if (now.chars.length < MIN_PROSE_CHARS) return [];
    const before = shingles(comparedText(previous.text[key]));
    const share = containment(shingles(now), before);
    if (share < COPY_THRESHOLD) return [];
    const passages = sharedPassages(now, before);
    const title = TEXT_PART_LABELS[key];
    const quoted = passages.map((p) => `“${p}”`).join('；');
    return [
      {
        ...finding('C1', [`text.${key}`], {
          zh:
            `${title}与本机关${previous.year}年度报告的同一部分高度重复（${percent(share)} 的文字相同，` +
            `超过 ${percent(COPY_THRESHOLD)}）${quoted ? `，例如：${quoted}` : ''}。` +
            '请按本年度的实际工作撰写；内容确实沿用上年的，请说明原因。',
          en:
            `Part ${key} repeats the same part of the agency's ${previous.year} report (${percent(share)} of its ` +
            `text, above ${percent(COPY_THRESHOLD)}); write it for this year, or explain why it is unchanged.`,
        }),
        passages,
      },
    ];
  });
}

function allEqual(cells: CellValues, before: CellValues): boolean {
  if (cells.refs.length !== before.refs.length) return false;
  return cells.refs.every((ref, i) => ref.path === before.refs[i]?.path && cells.values[i] === before.values[i]);
}

function hasActivity(cells: CellValues): boolean {
  return cells.refs.some((ref, i) => ref.table !== 'proactiveDisclosure' && (cells.values[i] ?? 0) !== 0);
}

function textShare(report: Report, previous: Report): number {
  const joined = (r: Report) => comparedText(COMPARED_PARTS.map((k) => r.text[k]).join('\n'));
  return containment(shingles(joined(report)), shingles(joined(previous)));
}

export function checkRepeatedFigures(report: Report, context: ValidationContext, cells: CellValues): Finding[] {
  const previous = previousYearReport(report, context);
  if (!previous || report.format !== previous.format) return [];
  if (!hasActivity(cells) || !allEqual(cells, readCellValues(previous))) return [];
  // A copied text is C1's finding; C2 is the report whose words were updated and whose figures were not.
  if (textShare(report, previous) >= COPY_THRESHOLD) return [];
  return [
    finding('C2', [], {
      zh:
        `三张统计表的每一个数字都与本机关${previous.year}年度报告完全相同，而文字部分已经改写。` +
        '请核对表格是否沿用了上年的数字；确实相同的，请说明原因。',
      en:
        `Every figure of every table equals the agency's ${previous.year} report while the text was rewritten; ` +
        'check whether the tables were carried over, or explain why they are the same.',
    }),
  ];
}
