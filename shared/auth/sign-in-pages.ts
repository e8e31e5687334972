/**
 * What signing in answers to a form posted without JavaScript: the page asking for the code, and the page
 * saying why not. Each carries its own form (method=post), so no step puts the address or the code in a URL.
 */
import { escapeHtml } from '#shared/render/escape-html.ts';
import { renderPage } from '#shared/site/page-shell.ts';
import { SIGN_IN_POLICY } from './sign-in-policy.ts';

export const SIGN_IN_PAGE = '/file/';

const codeMinutes = SIGN_IN_POLICY.codeLifetimeMs / 60_000;
const lockMinutes = SIGN_IN_POLICY.lockoutMs / 60_000;

/** The sentence every address gets, registered or not. */
export function codeSentText(address: string): string {
  return `如果 ${address} 是已登记的联系邮箱，6 位验证码已发送到该邮箱，${codeMinutes} 分钟内有效。`;
}
export const WRONG_CODE_TEXT = `验证码不正确或已失效，请核对后重新输入。连续输错 ${SIGN_IN_POLICY.maxWrongCodes} 次后该邮箱将锁定 ${lockMinutes} 分钟。`;
export const BAD_ADDRESS_TEXT = '请输入有效的电子邮箱地址。';

export function lockedText(until: string): string {
  return `该邮箱连续输错验证码次数过多，已暂时锁定，请在 ${clockTime(until)} 之后再试。`;
}
export function throttledText(retryAt: string): string {
  return `登录请求过于频繁，请在 ${clockTime(retryAt)} 之后再试。`;
}

export function codePage(address: string, error: string | null): string {
  const described = error === null ? 'code-hint' : 'code-hint code-error';
  const body = `<h1>输入验证码</h1>
<p id="code-hint">${escapeHtml(codeSentText(address))}</p>
<form method="post" action="/v1/sign-in/sessions" class="stack">
<input type="hidden" name="email" value="${escapeHtml(address)}">
<label for="code">6 位验证码</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="12" required autofocus aria-describedby="${described}"${error === null ? '' : ' aria-invalid="true"'}>
${error === null ? '' : `<p id="code-error" class="form-error" role="alert">${escapeHtml(error)}</p>`}
<div><button type="submit" class="button">登录</button></div>
</form>
<p><a href="${SIGN_IN_PAGE}">没有收到？重新获取验证码</a></p>`;
  return renderPage({ title: '输入验证码', body });
}

export function refusalPage(message: string): string {
  const body = `<h1>暂时无法登录</h1>
<p class="form-error" role="alert">${escapeHtml(message)}</p>
<p><a href="${SIGN_IN_PAGE}">返回登录页面</a></p>`;
  return renderPage({ title: '暂时无法登录', body });
}

/** Beijing time, as the people signing in read clocks. */
function clockTime(instant: string): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(instant));
}
