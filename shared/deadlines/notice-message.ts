/**
 * The text of a notice, in Chinese, as plain text and HTML (every value escaped). It names the agency, the
 * report year, the deadline and where to file, so it stands on its own when forwarded.
 */
import type { NoticeKind } from '#events/deadline-facts.ts';
import type { FilingDueSoonDetail } from '#events/filing-due-soon.ts';
import type { MailMessage } from '#shared/ports.ts';
import { escapeHtml } from '#shared/render/escape-html.ts';
import { chineseDay } from '#shared/render/format-date.ts';

/** The deadline event's facts a notice states, with the kind of notice. */
export type NoticeFacts = Readonly<
  Pick<FilingDueSoonDetail, 'agencyName' | 'year' | 'deadline' | 'daysFromDeadline' | 'recipients'> & {
    kind: NoticeKind;
    /** An escalation goes to the supervising office, or to the agency itself when it has none. */
    supervisorId: string | null;
  }
>;

function headline(facts: NoticeFacts): { subject: string; lines: string[] } {
  const report = `${facts.year}年政府信息公开工作年度报告`;
  const deadline = chineseDay(facts.deadline);
  switch (facts.kind) {
    case 'dueSoon':
      return {
        subject: `【报送提醒】${facts.agencyName}${report}将于${deadline}截止`,
        lines: [
          `${facts.agencyName}：`,
          `贵单位的${report}报送截止日期为${deadline}，距今还有${-facts.daysFromDeadline}天，目前尚未收到报告。`,
          '请按《中华人民共和国政府信息公开条例》第四十九条的规定按时报送并公开。',
        ],
      };
    case 'overdue':
      return {
        subject: `【逾期通知】${facts.agencyName}${report}已逾期`,
        lines: [
          `${facts.agencyName}：`,
          `贵单位的${report}报送截止日期为${deadline}，截至目前仍未收到报告，已逾期${facts.daysFromDeadline}天。`,
          '请尽快报送并公开。',
        ],
      };
    case 'escalated':
      return {
        subject: `【督办】${facts.agencyName}${report}逾期${facts.daysFromDeadline}天未报送`,
        lines: [
          facts.supervisorId === null ? `${facts.agencyName}：` : '主管部门：',
          `${facts.agencyName}的${report}报送截止日期为${deadline}，已逾期${facts.daysFromDeadline}天仍未报送。`,
          '请督促其尽快报送并公开。',
        ],
      };
  }
}

export function composeNotice(facts: NoticeFacts, siteUrl: string): MailMessage {
  const link = `${siteUrl.replace(/\/+$/, '')}/file/`;
  const { subject, lines } = headline(facts);
  const footer = '本邮件由政府信息公开年度报告报送系统自动发送，请勿直接回复。';
  const text = [...lines, `报送地址：${link}`, '', footer].join('\n');
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const html = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><title>',
    escapeHtml(subject),
    '</title></head><body>',
    paragraphs,
    `<p>报送地址：<a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<p style="color:#666">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: facts.recipients, subject, text, html };
}
