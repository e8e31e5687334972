/** A filing's receipt, worded for the person who filed and laid out to print. */
import { chinaTime, el, fill, reportPageUrl } from './elements.js';
import { findingList } from './findings-view.js';

const STATUS = {
  accepted: { word: '已接收', kind: 'ok', symbol: '✔' },
  rejected: { word: '未通过检查，未予接收', kind: 'error', symbol: '✖' },
  processing: { word: '处理中', kind: 'warning', symbol: '…' },
};

export function statusWord(status) {
  return STATUS[status]?.word ?? String(status);
}

function fact(term, ...value) {
  return el('div', {}, el('dt', {}, term), el('dd', {}, ...value));
}

function headline(receipt) {
  const status = STATUS[receipt.status] ?? STATUS.processing;
  const words = {
    accepted: receipt.duplicateOf
      ? '这份报告此前已报送过，以下是当时的回执。'
      : receipt.heldForReview
        ? `报告已报送并接收，为 ${receipt.year} 年度第 ${receipt.version} 版，经主管部门审核同意后公开。`
        : `报告已报送并接收，为 ${receipt.year} 年度第 ${receipt.version} 版。公开页面稍后更新。`,
    rejected: '报告未通过检查，未予接收（已留存本次报送记录）。请按下列问题改正后重新检查、报送。',
    processing: '文件已上传，正在检查……',
  };
  return el(
    'p',
    { class: `status status--${status.kind}` },
    el('span', { 'aria-hidden': 'true' }, `${status.symbol} `),
    words[receipt.status] ?? statusWord(receipt.status),
  );
}

/** The public page's full address, printed as the link's text so a paper receipt carries it. */
function publicLink(receipt) {
  if (receipt.status !== 'accepted' || receipt.heldForReview) return null;
  const url = new URL(reportPageUrl(receipt.agencyId, receipt.year), window.location.origin).href;
  return fact('公开页面', el('a', { href: url, class: 'public-link' }, url));
}

/** The warnings the filer explained, with what it wrote (published with the report). */
function explained(receipt) {
  const explanations = receipt.explanations ?? [];
  if (explanations.length === 0) return null;
  const items = explanations.map((e) =>
    el('li', {}, el('span', { class: 'finding__code' }, `规则 ${e.code}`), `：${e.text}`),
  );
  return fact('警告说明', el('ul', { class: 'receipt-explanations' }, ...items));
}

/**
 * Fills the receipt section; rejected receipts list their findings. `context` holds what the page knows and
 * the receipt does not: the signed-in agency's name. The title is the receipt's, named as the public page names
 * the report.
 * @param {HTMLElement} slot
 * @param {object} receipt
 * @param {{ agencyName?: string | null }} [context]
 */
export function showReceipt(slot, receipt, context = {}) {
  const title = receipt.title ?? null;
  const facts = el(
    'dl',
    { class: 'facts receipt-facts' },
    fact('状态', statusWord(receipt.status)),
    context.agencyName ? fact('机关', el('span', { class: 'agency-name' }, context.agencyName)) : null,
    title ? fact('报告标题', el('span', { class: 'report-title' }, title)) : null,
    fact('报送编号', el('code', { class: 'submission-id' }, receipt.submissionId)),
    fact('机关代码', receipt.agencyId),
    fact('年度', receipt.year ?? '—'),
    fact('版本', receipt.version ? `第 ${receipt.version} 版` : '—'),
    fact('接收时间', chinaTime(receipt.receivedAt)),
    fact('文件', receipt.original?.fileName ?? '—'),
    fact('文件 SHA-256 校验值', el('code', { class: 'sha256' }, receipt.sha256 ?? '—')),
    receipt.amendmentReason ? fact('更正原因', receipt.amendmentReason) : null,
    receipt.rejectionReason ? fact('未接收原因', receipt.rejectionReason) : null,
    explained(receipt),
    publicLink(receipt),
  );
  const findings = receipt.findings ?? [];
  const list = receipt.status === 'rejected' ? findingList(findings) : null;
  fill(slot, headline(receipt), facts, list ? el('h3', {}, '检查发现的问题') : null, list);
}
