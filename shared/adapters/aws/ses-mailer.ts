/** Notices through Amazon SES v2 (locally aws-ses-v2-local), as a multipart text + HTML message in UTF-8. */
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, MailMessage } from '#shared/ports.ts';

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly fromAddress: string,
  ) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const utf8 = (data: string) => ({ Data: data, Charset: 'UTF-8' });
    const out = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: [...message.to] },
        Content: {
          Simple: {
            Subject: utf8(message.subject),
            Body: { Text: utf8(message.text), Html: utf8(message.html) },
          },
        },
      }),
    );
    if (!out.MessageId) throw new Error('SES accepted the message without a MessageId');
    return { messageId: out.MessageId };
  }
}
