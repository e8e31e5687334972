/**
 * Notices through an SMTP relay (nodemailer): where Amazon SES is not offered — the China regions — a domestic
 * provider's relay sends them. The login is fetched once, on the first message, from wherever the composition
 * root keeps it (Secrets Manager on AWS); it never sits in the environment. nodemailer itself is loaded then too:
 * a deployment that mails through SES never loads it, and the Lambda ships it beside its bundle (`unbundled`).
 */
import type { Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from '#shared/ports.ts';

export interface SmtpLogin {
  readonly username: string;
  readonly password: string;
}

export interface SmtpRelay {
  readonly host: string;
  /** 465: TLS from the first byte; any other port must offer STARTTLS, or nothing is sent. */
  readonly port: number;
  readonly login: () => Promise<SmtpLogin>;
}

/** A relay that talks TLS (implicit on 465, STARTTLS required elsewhere), with a bounded wait at each step. */
export function smtpTransport(relay: SmtpRelay): () => Promise<Transporter> {
  let transporter: Promise<Transporter> | undefined;
  return () => {
    transporter ??= Promise.all([relay.login(), import('nodemailer')]).then(([{ username, password }, nodemailer]) =>
      nodemailer.createTransport({
        host: relay.host,
        port: relay.port,
        secure: relay.port === 465,
        requireTLS: relay.port !== 465,
        auth: { user: username, pass: password },
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    );
    // A failed login is not kept: the next notice tries again.
    transporter.catch(() => {
      transporter = undefined;
    });
    return transporter;
  };
}

export class SmtpMailer implements Mailer {
  constructor(
    private readonly transport: () => Promise<Transporter>,
    private readonly fromAddress: string,
  ) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const transporter = await this.transport();
    const info = await transporter.sendMail({
      from: this.fromAddress,
      to: [...message.to],
      subject: message.subject,
      text: message.text,
      html: message.html,
      textEncoding: 'base64',
    });
    const rejected = info.rejected ?? [];
    if (rejected.length > 0) throw new Error(`The SMTP relay refused ${rejected.length} recipient(s)`);
    if (!info.messageId) throw new Error('The SMTP relay accepted the message without a Message-ID');
    return { messageId: info.messageId };
  }
}
