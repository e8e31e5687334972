import { describe, expect, it } from 'vitest';
import { composeNotice, type NoticeFacts } from '#shared/deadlines/notice-message.ts';
import { chineseDay } from '#shared/render/format-date.ts';

const overdue: NoticeFacts = {
  kind: 'overdue',
  agencyName: '曲江区<教育>局 & "附属"',
  year: 2022,
  deadline: '2023-01-31',
  daysFromDeadline: 1,
  recipients: ['jy@example.cn'],
  supervisorId: null,
};

describe('a notice e-mail', () => {
  it('names the agency, the report year, the deadline and the filing link in both bodies', () => {
    const mail = composeNotice(overdue, 'https://gongkai.example.cn/');
    expect(mail.subject).toBe('【逾期通知】曲江区<教育>局 & "附属"2022年政府信息公开工作年度报告已逾期');
    expect(mail.text).toContain('2023年1月31日');
    expect(mail.text).toContain('报送地址：https://gongkai.example.cn/file/');
    expect(mail.html).toContain('<a href="https://gongkai.example.cn/file/">');
    expect(mail.html).toContain('2022年政府信息公开工作年度报告');
    expect(mail.to).toEqual(['jy@example.cn']);
  });

  it('escapes every value in the HTML body', () => {
    const { html } = composeNotice(overdue, 'https://gongkai.example.cn');
    expect(html).toContain('曲江区&lt;教育&gt;局 &amp; &quot;附属&quot;');
    expect(html).not.toContain('<教育>');
  });

  it('counts the days left before the deadline and addresses an escalation to the supervising office', () => {
    expect(composeNotice({ ...overdue, kind: 'dueSoon', daysFromDeadline: -3 }, 'http://x').text).toContain('还有3天');
    const escalated = composeNotice(
      { ...overdue, kind: 'escalated', daysFromDeadline: 7, supervisorId: 'gov' },
      'http://x',
    );
    expect(escalated.text.startsWith('主管部门：')).toBe(true);
    expect(escalated.subject).toContain('逾期7天未报送');
  });

  it('writes dates as official letters do', () => {
    expect(chineseDay('2023-03-01')).toBe('2023年3月1日');
  });
});
