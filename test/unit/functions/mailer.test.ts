import { describe, expect, it } from 'vitest';
import { deploymentMailer, mailerFor } from '#kit/mailer.ts';
import { SesMailer } from '#shared/adapters/aws/ses-mailer.ts';
import { SmtpMailer } from '#shared/adapters/smtp/smtp-mailer.ts';

describe('mailerFor', () => {
  it('sends through SES unless the deployment names an SMTP relay', () => {
    expect(mailerFor('notices@county.gov.cn', {})).toBeInstanceOf(SesMailer);
    expect(
      mailerFor('notices@county.gov.cn', {
        SMTP_HOST: 'smtp.qiye.example.cn',
        SMTP_SECRET_ID: 'gongkai/smtp',
        AWS_REGION: 'cn-north-1',
      }),
    ).toBeInstanceOf(SmtpMailer);
  });

  it('names the missing variable of a half-configured relay', () => {
    expect(() => mailerFor('notices@county.gov.cn', { SMTP_HOST: 'smtp.qiye.example.cn' })).toThrow(/SMTP_SECRET_ID/);
    expect(() =>
      mailerFor('notices@county.gov.cn', { SMTP_HOST: 'smtp.example.cn', SMTP_PORT: '0', SMTP_SECRET_ID: 's' }),
    ).toThrow(/SMTP_PORT/);
  });
});

describe('deploymentMailer', () => {
  it('sends from MAIL_SENDER, and refuses to start without an address there', () => {
    expect(deploymentMailer({ MAIL_SENDER: 'notices@county.gov.cn' })).toBeInstanceOf(SesMailer);
    expect(() => deploymentMailer({ MAIL_SENDER: 'notices' })).toThrow(/MAIL_SENDER/);
    expect(() => deploymentMailer({})).toThrow(/MAIL_SENDER/);
  });
});
