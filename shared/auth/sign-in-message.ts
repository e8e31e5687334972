/** The e-mail that carries a sign-in code: the code, how long it lasts, and what to do if it was not asked for. */

import type { MailMessage } from '#shared/ports.ts';
import { escapeHtml } from '#shared/render/escape-html.ts';
import { SIGN_IN_POLICY } from './sign-in-policy.ts';

export function signInCodeMessage(address: string, code: string): MailMessage {
  const minutes = SIGN_IN_POLICY.codeLifetimeMs / 60_000;
  const lines = [
    `您的登录验证码是：${code}`,
    `验证码 ${minutes} 分钟内有效，只能使用一次。请勿告诉他人，平台工作人员不会向您索要验证码。`,
    '如果不是您本人申请登录，请忽略本邮件；连续输错 5 次后该邮箱将暂时无法登录。',
  ];
  return {
    to: [address],
    subject: '政府信息公开工作年度报告平台登录验证码',
    text: `${lines.join('\n')}\n`,
    html: `<p>${lines.map((line) => escapeHtml(line)).join('</p><p>')}</p>`,
  };
}
