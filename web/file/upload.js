/**
 * The upload page: sign in with the agency's token, check a report (the API's dry run), file it, and
 * see the receipt and the agency's history. The token lives in sessionStorage only, so it is gone
 * when the window closes and is never sent anywhere but this origin's API.
 */
import { ApiError, createApi, DIRECT_LIMIT_BYTES } from './api-client.js';
import { el, fill, show } from './elements.js';
import { fileThroughApi, fileThroughUpload } from './filing-flow.js';
import { showCheck, summaryText } from './findings-view.js';
import { showHistory } from './history-view.js';
import { showReceipt } from './receipt-view.js';

const TOKEN_KEY = 'gongkai.filingToken';
const $ = (id) => document.getElementById(id);
const api = createApi(() => sessionStorage.getItem(TOKEN_KEY));

const state = { me: null, input: null, checked: null, idempotencyKey: null, unaccepted: [] };

function announce(text) {
  $('announcer').textContent = '';
  // A fresh node each time, so screen readers repeat an identical message.
  requestAnimationFrame(() => fill($('announcer'), text));
}

function showError(id, message) {
  $(id).textContent = message ?? '';
  show($(id), Boolean(message));
}

function focusHeading(id) {
  $(id).setAttribute('tabindex', '-1');
  $(id).focus();
}

function busy(button, isBusy) {
  button.disabled = isBusy;
  button.setAttribute('aria-busy', String(isBusy));
}

// ——— signing in ———

const REFUSED_TOKEN = '令牌无效或已被停用，请核对后重新输入（注意不要多复制空格）。如仍无法登录，请联系平台管理员。';

async function signIn(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
  try {
    const me = await api.whoAmI();
    if (me.principal !== 'agency') {
      signOut('这是管理员令牌，不能用于报送。请使用本机关的报送令牌。');
      return;
    }
    state.me = me;
    enterWorkspace();
  } catch (error) {
    signOut(error instanceof ApiError && error.status === 401 ? REFUSED_TOKEN : error.message);
  }
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  Object.assign(state, { me: null, input: null, checked: null, idempotencyKey: null, unaccepted: [] });
  show($('workspace'), false);
  show($('sign-in'), true);
  $('token').value = '';
  $('token').setAttribute('aria-invalid', String(Boolean(message)));
  showError('sign-in-error', message);
  $('token').focus();
}

function enterWorkspace() {
  $('agency-name').textContent = state.me.agencyName ?? state.me.agencyId;
  $('agency-id').textContent = state.me.agencyId;
  show($('sign-in'), false);
  show($('workspace'), true);
  for (const id of ['results', 'filing', 'receipt']) show($(id), false);
  focusHeading('choose-title');
  announce(`已登录：${state.me.agencyName ?? state.me.agencyId}`);
  void loadHistory();
}

/** A 401 after signing in means the token was revoked meanwhile. */
function handleApiError(error, errorSlot) {
  if (error instanceof ApiError && error.status === 401) return signOut(REFUSED_TOKEN);
  showError(errorSlot, error.message);
  announce(error.message);
}

async function loadHistory() {
  try {
    const versions = await api.versions(state.me.agencyId);
    showHistory($('history-body'), state.me.agencyId, versions, state.unaccepted);
  } catch (error) {
    fill($('history-body'), el('p', { class: 'form-error' }, `报送记录读取失败：${error.message}`));
  }
}

// ——— choosing a report ———

function sizeText(bytes) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function inputChanged(input) {
  state.input = input;
  state.checked = null;
  state.idempotencyKey = null;
  showError('choose-error', '');
  for (const id of ['results', 'filing']) show($(id), false);
}

function chooseFile(file) {
  if (!file) return;
  $('report-text').value = '';
  fill($('chosen-file'), `已选择：${file.name}（${sizeText(file.size)}）`);
  show($('chosen-file'), true);
  inputChanged({ kind: 'file', file });
  announce(`已选择文件 ${file.name}，请点击“检查报告”。`);
}

function pasteChanged() {
  const text = $('report-text').value;
  $('report-file').value = '';
  show($('chosen-file'), false);
  inputChanged(text.trim() === '' ? null : { kind: 'text', text });
}

function isLarge(input) {
  return input.kind === 'file' && input.file.size > DIRECT_LIMIT_BYTES;
}

// ——— checking ———

async function check() {
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
    state.idempotencyKey = crypto.randomUUID();
    showCheck({ summary: $('check-summary'), findings: $('findings'), tables: $('report-tables') }, checked);
    show($('results'), true);
    prepareFiling(checked);
    focusHeading('results-title');
    announce(summaryText(checked.findings ?? []));
  } catch (error) {
    show($('results'), false);
    handleApiError(error, 'choose-error');
  } finally {
    busy(button, false);
  }
}

function askForReason(hint) {
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
  $('filing-hint').textContent = checked.hasErrors
    ? '报告还有错误，暂不能报送。请在文件或上面的文本框中改正后，重新点击“检查报告”。'
    : '确认无误后点击“正式报送”。报送后将生成回执，并在公开平台上公布。';
}

function prepareLargeFiling() {
  state.checked = null;
  state.idempotencyKey = crypto.randomUUID();
  show($('results'), false);
  prepareFiling({ hasErrors: false, currentVersion: null, report: {} });
  askForReason('如本年度已报送过报告，本次即为更正，请填写更正原因；首次报送无需填写。');
  $('filing-hint').textContent =
    `文件较大（${sizeText(state.input.file.size)}），将先上传，再在服务器上检查；检查结果显示在回执中。`;
  focusHeading('filing-title');
}

// ——— filing ———

function amendmentReason() {
  if ($('amendment').hidden) return undefined;
  const reason = $('amendment-reason').value.trim();
  return reason === '' ? undefined : reason;
}

function reasonMissing() {
  const required = !$('amendment').hidden && state.checked?.currentVersion != null;
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

async function file() {
  if (!state.input || reasonMissing()) return;
  showError('filing-error', '');
  showError('amendment-error', '');
  const button = $('file-button');
  busy(button, true);
  announce('正在报送……');
  const options = { amendmentReason: amendmentReason(), idempotencyKey: state.idempotencyKey };
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
    handleApiError(error, 'filing-error');
  } finally {
    busy(button, false);
  }
}

function filed(receipt) {
  showReceipt($('receipt-body'), receipt);
  show($('receipt'), true);
  if (receipt.status === 'accepted') {
    show($('filing'), false);
    state.idempotencyKey = null;
  } else {
    state.unaccepted = [receipt, ...state.unaccepted.filter((r) => r.submissionId !== receipt.submissionId)];
    state.idempotencyKey = crypto.randomUUID();
  }
  focusHeading('receipt-title');
  announce(receipt.status === 'accepted' ? '报送成功，已生成回执。' : '报告未通过检查，未予接收。');
  void loadHistory();
}

// ——— wiring ———

function wireDropZone(zone) {
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('drop-zone--over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('drop-zone--over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('drop-zone--over');
    chooseFile(event.dataTransfer?.files?.[0]);
  });
}

function wire() {
  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    if (token === '') {
      showError('sign-in-error', '请输入报送令牌。');
      $('token').setAttribute('aria-invalid', 'true');
      $('token').focus();
      return;
    }
    void signIn(token);
  });
  $('sign-out').addEventListener('click', () => {
    signOut('');
    announce('已退出登录。');
  });
  $('report-file').addEventListener('change', (event) => chooseFile(event.target.files?.[0]));
  $('report-text').addEventListener('input', pasteChanged);
  $('amendment-reason').addEventListener('input', () => $('amendment-reason').removeAttribute('aria-invalid'));
  $('check-button').addEventListener('click', () => void check());
  $('file-button').addEventListener('click', () => void file());
  $('print-button').addEventListener('click', () => window.print());
  wireDropZone($('drop-zone'));
}

wire();
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) void signIn(saved);
