/**
 * One finding as a list item, as the public pages and the dry-run tables print it: severity, rule code and
 * grade, the message, and the filer's explanation when it gave one (escaped, inside the item the marked
 * cells' `aria-describedby` names, so a screen reader reads it with the cell).
 */
import type { Finding } from '#shared/report/findings.ts';
import { RULE_GRADE } from '#shared/report/findings.ts';
import { CHECK_GRADE_LABELS } from '#shared/report/labels.ts';
import { escapeHtml } from '../escape-html.ts';

const SEVERITY_NAMES = { error: '错误', warning: '警告', info: '提示' } as const;

export function renderFindingItem(finding: Finding, id: string, explanation: string | undefined): string {
  const grade = CHECK_GRADE_LABELS[RULE_GRADE[finding.code]];
  const explained =
    explanation === undefined
      ? ''
      : `<p class="finding__explanation"><strong>报送机关说明：</strong>${escapeHtml(explanation)}</p>`;
  return (
    `<li id="${escapeHtml(id)}" class="finding finding--${finding.severity}">` +
    `<span class="finding__severity">${SEVERITY_NAMES[finding.severity]}</span> ` +
    `<span class="finding__code">${escapeHtml(finding.code)}</span> ` +
    `<span class="finding__grade">${grade}</span> ${escapeHtml(finding.message.zh)}${explained}</li>`
  );
}
