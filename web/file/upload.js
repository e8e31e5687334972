/**
 * The upload page: sign in (by e-mail code, or with the agency's token), check a report (the API's dry run),
 * file it, and see the receipt and the agency's history. A session lives in an HttpOnly cookie; a token in
 * sessionStorage only, gone when the window closes. Neither is ever sent anywhere but this origin's API.
 */
import { ApiError, createApi } from './api-client.js';
import { el, fill, show } from './elements.js';
import { check, file, useFilingDeps } from './filing-steps.js';
import { showHistory } from './history-view.js';
import { $, announce, focusHeading, showError, sizeText, state } from './page-parts.js';
import { startNewRequest } from './request-key.js';
import { endSession, TOKEN_KEY, wireSignIn } from './sign-in.js';

const api = createApi(() => sessionStorage.getItem(TOKEN_KEY));

// ——— signing in ———

const REFUSED_TOKEN = '令牌无效或已被停用，请核对后重新输入（注意不要多复制空格）。如仍无法登录，请联系平台管理员。';
const SESSION_ENDED = '登录已失效（长时间未操作或已在别处退出），请重新登录。';
const NOT_AN_AGENCY = {
  admin: '这是管理员令牌，不能用于报送。请使用本机关的报送令牌。',
  office: '该邮箱登记为政务公开办的联系邮箱。本页面供机关报送报告；政务公开办可通过接口查看本地区的报送情况。',
};

/** Whoever the token or the session cookie stands for; only an agency files. */
async function enter({ quietly = false } = {}) {
  try {
    const me = await api.whoAmI();
    if (me.principal !== 'agency') return signOut(NOT_AN_AGENCY[me.principal] ?? '');
    state.me = me;
    enterWorkspace();
  } catch (error) {
    const refused = error instanceof ApiError && error.status === 401;
    if (quietly && refused) return;
    signOut(refused ? (sessionStorage.getItem(TOKEN_KEY) ? REFUSED_TOKEN : SESSION_ENDED) : error.message);
  }
}

function signInWithToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
  void enter();
}

function signOut(message) {
  Object.assign(state, { me: null, input: null, checked: null, unaccepted: [] });
  startNewRequest();
  show($('workspace'), false);
  show($('sign-in'), true);
  void endSession(api, message);
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

/** A 401 after signing in means the token was revoked, or the session ended, meanwhile. */
function handleApiError(error, errorSlot) {
  if (error instanceof ApiError && error.status === 401) {
    return signOut(sessionStorage.getItem(TOKEN_KEY) ? REFUSED_TOKEN : SESSION_ENDED);
  }
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
  startNewRequest();
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
  wireSignIn({ api, onSignedIn: () => enter() });
  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    if (token === '') {
      showError('sign-in-error', '请输入报送令牌。');
      $('token').setAttribute('aria-invalid', 'true');
      $('token').focus();
      return;
    }
    signInWithToken(token);
  });
  $('sign-out-form').addEventListener('submit', (event) => {
    event.preventDefault();
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
// A token kept from earlier in this window, or a session cookie from signing in (with or without this script).
void enter({ quietly: true });
