/**
 * The page of one report version: its facts, the six parts in the order the template prints them (the
 * three official tables with every finding marked beside its cell), the validation status, the version
 * history with what each amendment changed, and the downloads.
 */

import { chinaDay } from '#shared/deadlines/calendar.ts';
import type { ReportVersion } from '#shared/filing/records.ts';
import { escapeHtml } from '#shared/render/escape-html.ts';
import { chineseDay } from '#shared/render/format-date.ts';
import { formatNumber } from '#shared/render/format-number.ts';
import { findingElementId, tableOfFinding } from '#shared/render/tables-html/cell-marks.ts';
import { renderFindingItem } from '#shared/render/tables-html/finding-item.ts';
import { renderReportTables } from '#shared/render/tables-html/render-tables.ts';
import { explanationsByKey, findingKey } from '#shared/report/explanations.ts';
import type { Finding } from '#shared/report/findings.ts';
import { TEXT_PART_LABELS } from '#shared/report/labels.ts';
import type { Cell, Report } from '#shared/report/model.ts';
import { reportTitle } from '#shared/report/title.ts';
import { renderPage } from './page-shell.ts';
import { agencyUrl, originalUrl, REPORT_WIDE_CSV, reportUrl, versionUrl, yearUrl } from './site-paths.ts';
import type { VersionChanges } from './version-changes.ts';

export interface VersionEntry {
  readonly version: ReportVersion;
  /** Against the version before; null for the first. */
  readonly changes: VersionChanges | null;
}

export interface ReportPageInput {
  readonly report: Report;
  readonly agencyId: string;
  readonly agencyName: string;
  /** The version this page shows. */
  readonly shown: ReportVersion;
  /** Every version of the agency-year, oldest first. */
  readonly history: readonly VersionEntry[];
  readonly findings: readonly Finding[];
  /** True on `/reports/{agency}/{year}/`, false on a `v{n}/` page. */
  readonly isCurrentPage: boolean;
  readonly originalExtension: string;
}

function paragraphs(text: string): string {
  return text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

function textPart(id: string, heading: string, text: string): string {
  const body = text.trim() === '' ? '<p class="empty">（报告未载明）</p>' : paragraphs(text);
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2>${body}</section>`;
}

function facts(input: ReportPageInput): string {
  const { report, shown } = input;
  const rows: [string, string][] = [
    ['机关', `<a href="${escapeHtml(agencyUrl(input.agencyId))}">${escapeHtml(input.agencyName)}</a>`],
    ['年度', `<a href="${escapeHtml(yearUrl(report.year))}">${report.year}年</a>`],
    ['发布日期', report.publishedOn === null ? '未载明' : escapeHtml(chineseDay(report.publishedOn))],
    ['提交日期', escapeHtml(chineseDay(chinaDay(shown.acceptedAt)))],
    ['版本', `第${shown.version}版${shown.imported ? '（历史报告导入）' : ''}`],
  ];
  return `<dl class="facts">${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

function validationStatus(findings: readonly Finding[], explanations: ReadonlyMap<string, string>): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const explained = findings.filter((f) => explanations.has(findingKey(f))).length;
  const answered = explained === 0 ? '' : `，其中${explained}个警告已由报送机关说明理由`;
  const summary =
    errors + warnings === 0
      ? '<p class="status status--ok">自动检查未发现问题。</p>'
      : `<p class="status status--${errors > 0 ? 'error' : 'warning'}">自动检查发现${errors}个错误、${warnings}个警告${answered}；表内有问题的单元格已标出，说明列在所在表格之后。</p>`;
  const untabled = findings.flatMap((f, index) =>
    tableOfFinding(f) === null ? [renderFindingItem(f, findingElementId(index), explanations.get(findingKey(f)))] : [],
  );
  const list = untabled.length === 0 ? '' : `<ol class="table-findings">${untabled.join('')}</ol>`;
  return `<section aria-labelledby="validation"><h2 id="validation">检查结果</h2>${summary}${list}</section>`;
}

const cellText = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '空' : formatNumber(cell));

function changeList(changes: VersionChanges): string {
  const cells = changes.cells.map(
    (c) =>
      `<li><span class="change__label">${escapeHtml(c.label)}</span>：<del>${escapeHtml(cellText(c.before))}</del> → <ins>${escapeHtml(cellText(c.after))}</ins></li>`,
  );
  const texts = changes.texts.length === 0 ? [] : [`<li>文字修改：${escapeHtml(changes.texts.join('、'))}</li>`];
  const items = [...cells, ...texts];
  return items.length === 0 ? '<p>数据与文字均无变化。</p>' : `<ul class="changes">${items.join('')}</ul>`;
}

function history(input: ReportPageInput): string {
  const { agencyId } = input;
  const items = [...input.history].reverse().map(({ version: v, changes }) => {
    const label = `第${v.version}版`;
    const link =
      v.version === input.shown.version
        ? `<strong aria-current="page">${label}</strong>`
        : `<a href="${escapeHtml(versionUrl(agencyId, v.year, v.version))}">${label}</a>`;
    const reason = v.amendmentReason === null ? '' : `<p>更正原因：${escapeHtml(v.amendmentReason)}</p>`;
    const diff = changes === null ? '<p>首次提交。</p>' : changeList(changes);
    return `<li>${link}，${escapeHtml(chineseDay(chinaDay(v.acceptedAt)))}${reason}${diff}</li>`;
  });
  return `<section aria-labelledby="versions"><h2 id="versions">版本记录</h2><ol class="versions">${items.join('')}</ol></section>`;
}

function downloads(input: ReportPageInput): string {
  const { agencyId, report } = input;
  const base = input.isCurrentPage
    ? reportUrl(agencyId, report.year)
    : versionUrl(agencyId, report.year, input.shown.version);
  const original = input.isCurrentPage
    ? originalUrl(agencyId, report.year, input.originalExtension)
    : `${base}original.${input.originalExtension}`;
  const name = input.shown.original.fileName ?? `original.${input.originalExtension}`;
  const links: [string, string][] = [
    [original, `原始文件（${name}）`],
    [`${base}report.json`, '结构化数据（JSON）'],
    [`${base}${REPORT_WIDE_CSV}`, '表格数据（CSV，一行一份报告，中文表头，可用 Excel 打开）'],
    [`${base}report.csv`, '逐项数据（CSV，一行一个单元格）'],
    [`${base}findings.json`, '检查结果与报送机关说明（JSON）'],
  ];
  const items = links.map(([url, label]) => `<li><a href="${escapeHtml(url)}" download>${escapeHtml(label)}</a></li>`);
  // The year's files are compacted on a schedule: the year page links them once they exist.
  items.push(
    `<li><a href="${yearUrl(report.year)}#data">${report.year}年全部报告的数据文件</a>（CSV、JSON、Parquet）</li>`,
  );
  return `<section aria-labelledby="downloads"><h2 id="downloads">下载</h2><ul class="downloads">${items.join('')}</ul></section>`;
}

export function renderReportPage(input: ReportPageInput): string {
  const { report } = input;
  const explanations = explanationsByKey(input.shown.explanations);
  const latest = input.history.at(-1)?.version.version;
  const superseded = latest !== undefined && latest !== input.shown.version;
  const notice = superseded
    ? `<p class="notice">此为历史版本，现行版本为第${latest}版。<a href="${escapeHtml(reportUrl(input.agencyId, report.year))}">查看最新版本</a></p>`
    : '';
  const body = [
    `<article class="report"><h1>${escapeHtml(reportTitle(report, input.agencyName))}</h1>`,
    notice,
    facts(input),
    validationStatus(input.findings, explanations),
    report.text.preamble.trim() === '' ? '' : textPart('preamble', TEXT_PART_LABELS.preamble, report.text.preamble),
    textPart('overview', TEXT_PART_LABELS.overview, report.text.overview),
    `<section class="report-tables" aria-label="统计表">${renderReportTables(report, { findings: input.findings, explanations })}</section>`,
    textPart('problems', TEXT_PART_LABELS.problemsAndImprovements, report.text.problemsAndImprovements),
    textPart('other', TEXT_PART_LABELS.otherMatters, report.text.otherMatters),
    downloads(input),
    history(input),
    '</article>',
  ].join('\n');
  return renderPage({
    title: `${input.agencyName} ${report.year}年报告`,
    crumbs: [
      { label: '首页', url: '/' },
      { label: `${report.year}年`, url: yearUrl(report.year) },
      { label: input.agencyName, url: agencyUrl(input.agencyId) },
      { label: input.isCurrentPage ? `${report.year}年报告` : `第${input.shown.version}版` },
    ],
    body,
  });
}
