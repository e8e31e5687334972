/**
 * The sign-in mail queue on SQS FIFO. The message group is the address, so an address's codes go out in the
 * order they were asked for; each body holds a fresh code, so content de-duplication never drops one.
 */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SignInCodeMail, SignInCodeOutbox } from '#shared/auth/sign-in-mail.ts';
import { normalizeAddress } from '#shared/auth/sign-in-policy.ts';

export class SqsSignInOutbox implements SignInCodeOutbox {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async post(mail: SignInCodeMail): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify(mail),
        MessageGroupId: normalizeAddress(mail.address),
      }),
    );
  }
}
