/**
 * The upload page: sign in with the agency's token, check a report (the API's dry run), file it, and
 * see the receipt and the agency's history. The token lives in sessionStorage only, so it is gone
 * when the window closes and is never sent anywhere but this origin's API.
 */
import { ApiError, createApi } from './api-client.js';
import { el, fill, show } from './elements.js';
import { check, file, useFilingDeps } from './filing-steps.js';
import { showHistory } from './history-view.js';
import { $, announce, focusHeading, showError, sizeText, state } from './page-parts.js';

const TOKEN_KEY = 'gongkai.filingToken';
const api = createApi(() => sessionStorage.getItem(TOKEN_KEY));

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

useFilingDeps({ api, onApiError: handleApiError, refreshHistory: () => void loadHistory() });
wire();
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) void signIn(saved);
