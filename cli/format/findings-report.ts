/**
 * The readable Chinese report of `gongkai check`: findings grouped by severity, each with its rule code,
 * message (which states the formula), the numbers, and the printed label trail of every cell involved,
 * so a filer can find the cell in the Word table they typed it into.
 */

import type { Finding, Severity } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { describePath } from '#shared/report/paths.ts';
import { reportTitle } from '#shared/report/title.ts';
import type { Style } from './style.ts';

interface SeverityGroup {
  readonly severity: Severity;
  readonly heading: string;
  readonly mark: string;
  readonly paint: (style: Style) => (text: string) => string;
}

const GROUPS: readonly SeverityGroup[] = [
  { severity: 'error', heading: '错误 errors', mark: '✗', paint: (s) => s.red },
  { severity: 'warning', heading: '警告 warnings', mark: '!', paint: (s) => s.yellow },
  { severity: 'info', heading: '提示 notes', mark: 'i', paint: (s) => s.cyan },
];

export function reportHeading(report: Report, layout: string): string[] {
  const rows = report.shapes.applications === '25-row' ? '25 行' : '23 行';
  return [
    reportTitle(report, report.agency.name),
    `机关 ${report.agency.name} · 年度 ${report.year} · 发布 ${report.publishedOn ?? '未注明'} · 格式 ${report.format} · 表三 ${rows} · 版式 ${layout}`,
  ];
}

function numbersLine(finding: Finding): string | null {
  const has = (n: number | null | undefined): n is number => typeof n === 'number';
  if (has(finding.expected) && has(finding.actual)) return `应为 ${finding.expected}，实为 ${finding.actual}`;
  if (has(finding.actual)) return `实为 ${finding.actual}`;
  if (has(finding.expected)) return `应为 ${finding.expected}`;
  return null;
}

function groupOf(severity: Severity): SeverityGroup {
  return GROUPS.find((g) => g.severity === severity) as SeverityGroup;
}

export function formatFinding(finding: Finding, shapes: Report['shapes'], style: Style): string[] {
  const group = groupOf(finding.severity);
  const lines = [`  ${group.paint(style)(`${group.mark} ${finding.code}`)}  ${finding.message.zh}`];
  for (const path of finding.paths) lines.push(`      ${style.dim('·')} ${describePath(path, shapes)}`);
  const numbers = numbersLine(finding);
  if (numbers) lines.push(`      ${style.dim(numbers)}`);
  return lines;
}

export function summaryLine(findings: readonly Finding[], style: Style): string {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const counts = `${errors} 个错误、${warnings} 个警告 / ${errors} error(s), ${warnings} warning(s)`;
  return errors > 0 ? style.red(style.bold(`未通过：${counts}`)) : style.green(style.bold(`通过：${counts}`));
}

export function formatFindingsReport(
  checked: { readonly report: Report; readonly findings: readonly Finding[]; readonly layout: string },
  style: Style,
): string {
  const lines = reportHeading(checked.report, checked.layout).map((line, i) => (i === 0 ? style.bold(line) : line));
  for (const group of GROUPS) {
    const members = checked.findings.filter((f) => f.severity === group.severity);
    if (members.length === 0) continue;
    lines.push('', group.paint(style)(`${group.heading}（${members.length}）`));
    for (const finding of members) lines.push(...formatFinding(finding, checked.report.shapes, style));
  }
  lines.push('', summaryLine(checked.findings, style), '');
  return lines.join('\n');
}
