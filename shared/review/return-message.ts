/**
 * The e-mail an agency gets when its office returns a filing: which report and version, the office's reason
 * in its own words, and where to file the corrected one. Every value is escaped in the HTML part.
 */
import type { MailMessage } from '#shared/ports.ts';
import { escapeHtml } from '#shared/render/escape-html.ts';

export interface ReturnFacts {
  readonly agencyName: string;
  readonly year: number;
  readonly version: number;
  readonly officeName: string;
  readonly reason: string;
  readonly recipients: readonly string[];
}

export function composeReturnMessage(facts: ReturnFacts, siteUrl: string): MailMessage {
  const link = `${siteUrl.replace(/\/+$/, '')}/file/`;
  const report = `${facts.year}年政府信息公开工作年度报告`;
  const subject = `【退回修改】${facts.agencyName}${report}（第${facts.version}版）未予公开`;
  const lines = [
    `${facts.agencyName}：`,
    `贵单位报送的${report}（第${facts.version}版）经${facts.officeName}审核，退回修改，未予公开。`,
    `退回原因：${facts.reason}`,
    '请修改后重新报送；重新报送的报告为新的版本，经审核同意后公开。',
  ];
  const footer = '本邮件由政府信息公开年度报告报送系统自动发送，请勿直接回复。';
  const text = [...lines, `报送地址：${link}`, '', footer].join('\n');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p>报送地址：<a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<p style="color:#666">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: facts.recipients, subject, text, html };
}
