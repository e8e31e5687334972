/**
 * The agency's filings: every accepted version the API lists (the newest public one of a year is in force;
 * where the office reviews, a version may await its review or have been returned with a reason) and, for this
 * browser session, the filings that were not accepted.
 */
import { chinaTime, el, fill, reportPageUrl } from './elements.js';

function versionStatus(version, newest) {
  if (version.review?.state === 'returned') return `已被主管部门退回，未公开。退回原因：${version.review.reason}`;
  if (version.review?.state === 'awaitingReview') return '待主管部门审核，审核同意后公开';
  if (version.version !== newest) return `已被第 ${newest} 版更正`;
  if (version.imported && version.hasErrors) return '现行版本（历史导入，含错误）';
  return '现行版本';
}

/** The version in force per year: the newest public one (`public` is absent from lists older than review). */
function newestByYear(versions) {
  const newest = new Map();
  for (const v of versions.filter((v) => v.public !== false)) {
    newest.set(v.year, Math.max(newest.get(v.year) ?? 0, v.version));
  }
  return newest;
}

function row(cells) {
  return el('tr', {}, ...cells.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell))));
}

function versionRow(agencyId, version, newest) {
  const warnings = version.warningCount > 0 ? `（${version.warningCount} 处警告）` : '';
  const held = version.public === false;
  return row([
    `${version.year} 年度`,
    `第 ${version.version} 版`,
    `${versionStatus(version, newest)}${warnings}`,
    chinaTime(version.acceptedAt),
    version.amendmentReason ?? '—',
    el('code', {}, version.submissionId),
    held ? '—' : el('a', { href: reportPageUrl(agencyId, version.year) }, '查看公开页面'),
  ]);
}

function unacceptedRow(receipt) {
  return row([
    receipt.year ? `${receipt.year} 年度` : '—',
    '—',
    receipt.status === 'processing' ? '处理中' : '未通过检查，未予接收',
    chinaTime(receipt.receivedAt),
    receipt.amendmentReason ?? '—',
    el('code', {}, receipt.submissionId),
    '—',
  ]);
}

/** @param {HTMLElement} slot @param {string} agencyId @param {object[]} versions @param {object[]} unaccepted */
export function showHistory(slot, agencyId, versions, unaccepted) {
  if (versions.length === 0 && unaccepted.length === 0) {
    fill(slot, el('p', {}, '本机关还没有报送记录。'));
    return;
  }
  const newest = newestByYear(versions);
  const sorted = [...versions].sort((a, b) => b.year - a.year || b.version - a.version);
  const head = ['年度', '版本', '状态', '接收时间', '更正原因', '报送编号', '公开页面'];
  const table = el(
    'table',
    { class: 'history-table' },
    el('caption', { class: 'visually-hidden' }, '本机关的报送记录'),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      ...unaccepted.map(unacceptedRow),
      ...sorted.map((v) => versionRow(agencyId, v, newest.get(v.year))),
    ),
  );
  fill(slot, el('div', { class: 'table-scroll' }, table));
}
