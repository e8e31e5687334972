/**
 * Signing in on the upload page. The e-mail and code forms post to the API and work without JavaScript (the
 * API answers them with pages); here they are enhanced to stay on this page. A session lives in an HttpOnly
 * cookie this script never reads. The token form, for agencies that were given a token, appears only with
 * JavaScript and keeps the token in sessionStorage. No step puts a secret in a URL.
 */
import { ApiError } from './api-client.js';
import { show } from './elements.js';
import { $, announce, busy, showError } from './page-parts.js';

export const TOKEN_KEY = 'gongkai.filingToken';

function invalid(input, errorId, message) {
  input.setAttribute('aria-invalid', String(Boolean(message)));
  showError(errorId, message);
  if (message) input.focus();
}

function askForEmail(message = '') {
  show($('code-form'), false);
  show($('email-form'), true);
  invalid($('email'), 'email-error', message);
}

function askForCode(email, sent) {
  $('code-email').value = email;
  $('code').value = '';
  $('code-sent').textContent = sent;
  show($('email-form'), false);
  show($('code-form'), true);
  invalid($('code'), 'code-error', '');
  $('code').focus();
  announce(sent);
}

async function submitting(form, run) {
  const button = form.querySelector('button[type="submit"]');
  busy(button, true);
  try {
    await run();
  } finally {
    busy(button, false);
  }
}

/**
 * @param {{ api: ReturnType<import('./api-client.js').createApi>, onSignedIn: () => Promise<void> }} deps
 */
export function wireSignIn({ api, onSignedIn }) {
  show($('token-sign-in'), true);
  $('email-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const email = $('email').value.trim();
    if (!$('email').checkValidity() || email === '')
      return invalid($('email'), 'email-error', '请输入有效的电子邮箱地址。');
    void submitting($('email-form'), async () => {
      try {
        const answer = await api.requestCode(email);
        askForCode(email, answer.message.zh);
      } catch (error) {
        invalid($('email'), 'email-error', error.message);
      }
    });
  });
  $('code-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = $('code').value.replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) return invalid($('code'), 'code-error', '请输入邮件中的 6 位数字验证码。');
    void submitting($('code-form'), async () => {
      try {
        await api.openSession($('code-email').value, code);
        await onSignedIn();
      } catch (error) {
        invalid($('code'), 'code-error', error.message);
        if (error instanceof ApiError && error.code === 'SIGN_IN_LOCKED') $('code').value = '';
      }
    });
  });
  $('other-email').addEventListener('click', () => {
    askForEmail();
    $('email').focus();
  });
}

/**
 * Back to the first form, the session ended server-side and any token forgotten; a message goes beside the
 * form it is about (the token's, or the e-mail's).
 */
export async function endSession(api, message = '') {
  const usedToken = sessionStorage.getItem(TOKEN_KEY) !== null;
  sessionStorage.removeItem(TOKEN_KEY);
  if (!usedToken) await api.signOut().catch(() => undefined);
  $('token').value = '';
  askForEmail(usedToken ? '' : message);
  invalid($('token'), 'sign-in-error', usedToken ? message : '');
  if (!message) $('email').focus();
}
