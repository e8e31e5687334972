/**
 * The result of a check: a summary in words, every finding in plain language with the figures it
 * concerns, and the official tables with the failing cells marked. Severity is said in words and with
 * a symbol, never by colour alone.
 */
import { el, fill } from './elements.js';
import { explanationField } from './explanations-view.js';
import { tablesFragment } from './tables-fragment.js';

const SEVERITY = {
  error: { word: '错误', symbol: '✖', advice: '必须改正后才能报送。' },
  warning: { word: '警告', symbol: '⚠', advice: '请核实；不影响报送。' },
  info: { word: '提示', symbol: 'ℹ', advice: '' },
};

/** Shared with the tables rendered by the API (functions/_kit/rendered-tables.ts TABLES_ID_PREFIX). */
const CELL_ID_PREFIX = 'check-';

export function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  return counts;
}

/** One sentence for the live region and the summary box. */
export function summaryText(findings) {
  const { error, warning } = countBySeverity(findings);
  if (error > 0) {
    const warnings = warning > 0 ? `，另有 ${warning} 处警告` : '';
    return `发现 ${error} 处错误${warnings}。表格中标出了出错的单元格，请改正后重新检查。`;
  }
  if (warning > 0) return `没有发现错误，有 ${warning} 处警告，请核实后即可报送。`;
  return '检查通过，没有发现问题，可以正式报送。';
}

function severityBadge(severity) {
  const { word, symbol } = SEVERITY[severity] ?? SEVERITY.info;
  return el(
    'span',
    { class: `severity severity--${severity}` },
    el('span', { 'aria-hidden': 'true' }, symbol),
    ` ${word}`,
  );
}

function cellOf(path) {
  return document.getElementById(`${CELL_ID_PREFIX}${path.replace(/\s/g, '_')}`);
}

function locateButton(finding) {
  const marked = finding.paths.filter((path) => cellOf(path) !== null);
  if (marked.length === 0) return null;
  const button = el(
    'button',
    { type: 'button', class: 'button button--link' },
    `在表格中查看（${marked.length} 个单元格）`,
  );
  button.addEventListener('click', () => {
    const cell = cellOf(marked[0]);
    cell?.scrollIntoView({ block: 'center' });
    cell?.focus();
  });
  return button;
}

function findingItem(finding, rules) {
  const { advice } = SEVERITY[finding.severity] ?? SEVERITY.info;
  const grade = rules?.[finding.code]?.gradeLabel;
  return el(
    'li',
    { class: `finding finding--${finding.severity}` },
    el(
      'p',
      { class: 'finding__head' },
      severityBadge(finding.severity),
      ' ',
      el('span', { class: 'finding__code' }, `规则 ${finding.code}`),
      grade ? el('span', { class: 'finding__grade' }, ` · ${grade}检查`) : null,
    ),
    el('p', { class: 'finding__message' }, finding.message?.zh ?? ''),
    advice ? el('p', { class: 'hint' }, advice) : null,
  );
}

/**
 * The findings as a list; with `locate`, each links to its cells in the tables shown; with `explain`, each
 * warning gets a box for the filer's explanation (`rules`: the check's grades and lengths by rule code).
 */
export function findingList(findings, { locate = false, explain = false, rules = {} } = {}) {
  if (findings.length === 0) return null;
  const list = el('ol', { class: 'finding-list' });
  findings.forEach((finding, index) => {
    const item = findingItem(finding, rules);
    const button = locate ? locateButton(finding) : null;
    if (button) item.append(button);
    if (explain && finding.severity === 'warning') item.append(explanationField(finding, index, rules));
    list.append(item);
  });
  return list;
}

function statusBox(findings) {
  const { error, warning } = countBySeverity(findings);
  const kind = error > 0 ? 'error' : warning > 0 ? 'warning' : 'ok';
  const symbol = { error: '✖', warning: '⚠', ok: '✔' }[kind];
  return el(
    'p',
    { class: `status status--${kind}` },
    el('span', { 'aria-hidden': 'true' }, `${symbol} `),
    summaryText(findings),
  );
}

function reportFacts(report) {
  return el(
    'dl',
    { class: 'facts' },
    el('div', {}, el('dt', {}, '报告标题'), el('dd', {}, report.title ?? '—')),
    el('div', {}, el('dt', {}, '机关'), el('dd', {}, report.agency?.name ?? '—')),
    el('div', {}, el('dt', {}, '年度'), el('dd', {}, report.year ?? '—')),
    report.publishedOn ? el('div', {}, el('dt', {}, '发布日期'), el('dd', {}, report.publishedOn)) : null,
  );
}

/** Shows a dry run's answer in the result section's three slots. */
export function showCheck(slots, checked) {
  const findings = checked.findings ?? [];
  fill(slots.summary, statusBox(findings), reportFacts(checked.report ?? {}));
  fill(slots.tables, el('h3', {}, '报告表格（标出检查发现的问题）'), tablesFragment(checked.tablesHtml ?? ''));
  // Errors block the filing, so explanations are asked for only when there are none.
  const explain = !checked.hasErrors;
  const list = findingList(findings, { locate: true, explain, rules: checked.rules });
  fill(slots.findings, list ? el('h3', {}, `问题清单（共 ${findings.length} 条）`) : null, list);
}
