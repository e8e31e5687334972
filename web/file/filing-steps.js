/**
 * Checking a report (the API's dry run) and filing it, directly or, for a file too large for the API,
 * through a presigned upload. The page hands in the API and what to do on a refusal.
 */
import { ApiError, DIRECT_LIMIT_BYTES } from './api-client.js';
import { show } from './elements.js';
import { showRefusedExplanation, tooShortExplanation, typedExplanations } from './explanations-view.js';
import { fileThroughApi, fileThroughUpload } from './filing-flow.js';
import { showCheck, summaryText } from './findings-view.js';
import { $, announce, busy, focusHeading, showError, sizeText, state } from './page-parts.js';
import { showReceipt } from './receipt-view.js';
import { requestKey, startNewRequest } from './request-key.js';

let api;
let onApiError;
let refreshHistory;

/** @param {{ api: object, onApiError: (error: unknown, slot: string) => void, refreshHistory: () => void }} deps */
export function useFilingDeps(deps) {
  ({ api, onApiError, refreshHistory } = deps);
}

function isLarge(input) {
  return input.kind === 'file' && input.file.size > DIRECT_LIMIT_BYTES;
}

export async function check() {
  if (!state.input) {
    showError('choose-error', '请先选择报告文件，或粘贴报告全文。');
    return;
  }
  showError('choose-error', '');
  if (isLarge(state.input)) return prepareLargeFiling();
  const button = $('check-button');
  busy(button, true);
  announce('正在检查……');
  try {
    const checked = await api.check(state.input);
    state.checked = checked;
    startNewRequest();
    showCheck({ summary: $('check-summary'), findings: $('findings'), tables: $('report-tables') }, checked);
    show($('results'), true);
    prepareFiling(checked);
    focusHeading('results-title');
    announce(summaryText(checked.findings ?? []));
  } catch (error) {
    show($('results'), false);
    onApiError(error, 'choose-error');
  } finally {
    busy(button, false);
  }
}

function askForReason(hint, { required = true } = {}) {
  $('amendment-label').textContent = required ? '更正原因（必填）' : '更正原因（如为更正则必填）';
  $('amendment-reason').required = required;
  $('amendment-hint').textContent = hint;
  show($('amendment'), true);
}

function prepareFiling(checked) {
  show($('filing'), true);
  show($('receipt'), false);
  show($('progress-box'), false);
  showError('filing-error', '');
  showError('amendment-error', '');
  show($('amendment'), false);
  $('amendment-reason').value = '';
  const year = checked.report?.year;
  if (checked.currentVersion !== null && checked.currentVersion !== undefined) {
    askForReason(
      `${year} 年度已有第 ${checked.currentVersion} 版报告。本次报送将作为更正版本（第 ${checked.currentVersion + 1} 版），请说明更正了什么、为什么更正。`,
    );
  }
  $('file-button').disabled = checked.hasErrors;
  const warned = (checked.findings ?? []).some((f) => f.severity === 'warning');
  $('filing-hint').textContent = checked.hasErrors
    ? '报告还有错误，暂不能报送。请在文件或上面的文本框中改正后，重新点击“检查报告”。'
    : `${warned ? '警告不影响报送；对确认无误的警告，可在上面的问题清单中写明说明，随报告一并公开。' : ''}确认无误后点击“正式报送”。报送后将生成回执，并在公开平台上公布。`;
}

function prepareLargeFiling() {
  state.checked = null;
  startNewRequest();
  show($('results'), false);
  prepareFiling({ hasErrors: false, currentVersion: null, report: {} });
  askForReason('如本年度已报送过报告，本次即为更正，请填写更正原因；首次报送无需填写。', { required: false });
  $('filing-hint').textContent =
    `文件较大（${sizeText(state.input.file.size)}），将先上传，再在服务器上检查；检查结果显示在回执中。`;
  focusHeading('filing-title');
}

function amendmentReason() {
  if ($('amendment').hidden) return undefined;
  const reason = $('amendment-reason').value.trim();
  return reason === '' ? undefined : reason;
}

function reasonMissing() {
  const required = !$('amendment').hidden && $('amendment-reason').required;
  if (!required || amendmentReason()) return false;
  showError('amendment-error', '请填写更正原因。');
  $('amendment-reason').setAttribute('aria-invalid', 'true');
  $('amendment-reason').focus();
  return true;
}

function progress(fraction, text) {
  show($('progress-box'), true);
  $('upload-progress').value = Math.round(fraction * 100);
  $('progress-text').textContent = text;
}

export async function file() {
  if (!state.input || reasonMissing()) return;
  showError('filing-error', '');
  showError('amendment-error', '');
  const short = tooShortExplanation($('findings'));
  if (short) {
    short.focus();
    return;
  }
  const explanations = isLarge(state.input) ? {} : typedExplanations($('findings'));
  const button = $('file-button');
  busy(button, true);
  announce('正在报送……');
  const options = { amendmentReason: amendmentReason(), idempotencyKey: requestKey(explanations), explanations };
  try {
    const receipt = isLarge(state.input)
      ? await fileThroughUpload(api, state.input.file, options, progress)
      : await fileThroughApi(api, state.input, options);
    filed(receipt);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'AMENDMENT_REASON_REQUIRED') {
      askForReason(error.message);
      showError('amendment-error', '本年度已有报告，本次报送是更正，请填写更正原因后再报送。');
      $('amendment-reason').focus();
      return;
    }
    if (error instanceof ApiError && error.code.startsWith('EXPLANATION_')) {
      showError('filing-error', error.message);
      if (showRefusedExplanation($('findings'), error.details?.key, error.message)) return;
    }
    onApiError(error, 'filing-error');
  } finally {
    busy(button, false);
  }
}

function filed(receipt) {
  showReceipt($('receipt-body'), receipt, { agencyName: state.me?.agencyName ?? null });
  show($('receipt'), true);
  if (receipt.status === 'accepted') {
    show($('filing'), false);
  } else {
    state.unaccepted = [receipt, ...state.unaccepted.filter((r) => r.submissionId !== receipt.submissionId)];
  }
  startNewRequest();
  focusHeading('receipt-title');
  announce(receipt.status === 'accepted' ? '报送成功，已生成回执。' : '报告未通过检查，未予接收。');
  refreshHistory();
}
