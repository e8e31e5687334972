import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { SmtpMailer, smtpTransport } from '#shared/adapters/smtp/smtp-mailer.ts';
import { type LoopbackSmtpServer, startLoopbackSmtpServer } from '../../fixtures/smtp/loopback-smtp-server.ts';

const NOTICE = {
  to: ['office@qujiang.gov.cn'],
  subject: '【提醒】2022年度政府信息公开工作年度报告即将逾期',
  text: '请于2023年1月31日前报送。',
  html: '<p>请于2023年1月31日前报送。</p>',
};

let server: LoopbackSmtpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// The loopback server speaks no TLS; these transports are what SmtpMailer is given, minus the TLS requirement.
const plainTransport = (port: number) => async () =>
  createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, auth: { user: 'u', pass: 'p' } });

describe('SmtpMailer', () => {
  it('sends the Chinese notice as text and HTML in UTF-8, from the sender, to every recipient', async () => {
    server = await startLoopbackSmtpServer();
    const mailer = new SmtpMailer(plainTransport(server.port), 'notices@county.gov.cn');
    const { messageId } = await mailer.send(NOTICE);

    expect(messageId).toMatch(/^<.+@.+>$/);
    const [mail] = server.received;
    expect(mail?.from).toContain('notices@county.gov.cn');
    expect(mail?.to).toEqual(['<office@qujiang.gov.cn>']);
    expect(mail?.login).toBe('\0u\0p');
    expect(mail?.data).toMatch(/multipart\/alternative/);
    expect(mail?.data).toMatch(/charset=utf-8/i);
    const bodies = [...(mail?.data ?? '').matchAll(/base64\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n(?:--|$)/g)];
    const decoded = bodies.map((body) => Buffer.from((body[1] ?? '').replace(/\r\n/g, ''), 'base64').toString('utf8'));
    expect(decoded).toEqual([NOTICE.text, NOTICE.html]);
  });

  it('fails (so the notice is retried) when the relay refuses the recipient', async () => {
    server = await startLoopbackSmtpServer({ rejectRecipient: 'office@' });
    const mailer = new SmtpMailer(plainTransport(server.port), 'notices@county.gov.cn');
    await expect(mailer.send(NOTICE)).rejects.toThrow();
    expect(server.received).toEqual([]);
  });
});

describe('smtpTransport', () => {
  it('never sends the login over a connection without TLS', async () => {
    server = await startLoopbackSmtpServer();
    let logins = 0;
    const transport = smtpTransport({
      host: '127.0.0.1',
      port: server.port,
      login: async () => {
        logins += 1;
        return { username: 'relay-user', password: 'relay-secret' };
      },
    });
    const mailer = new SmtpMailer(transport, 'notices@county.gov.cn');
    await expect(mailer.send(NOTICE)).rejects.toThrow(/STARTTLS/i);
    expect(server.logins).toEqual([]);
    expect(server.received).toEqual([]);
    await expect(mailer.send(NOTICE)).rejects.toThrow();
    expect(logins).toBe(1);
  });

  it('asks for the login again after a failed fetch', async () => {
    let calls = 0;
    const transport = smtpTransport({
      host: '127.0.0.1',
      port: 1,
      login: async () => {
        calls += 1;
        throw new Error('secret unavailable');
      },
    });
    await expect(transport()).rejects.toThrow('secret unavailable');
    await expect(transport()).rejects.toThrow('secret unavailable');
    expect(calls).toBe(2);
  });
});
