/**
 * The sign-in mail queue's consumer: one requested code per message, mailed if its address is registered. A
 * failed send is reported (partial batch response), so SQS retries it and then dead-letters it. Nothing here
 * logs the code or the address: the audit record is where an attempt is told.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '#kit/logger.ts';
import { signInMailPorts } from '#kit/roots/sign-in-mail.ts';
import { mailSignInCode, SignInCodeMailSchema, type SignInMailPorts } from '#shared/auth/sign-in-mail.ts';

export function createHandler(ports: () => SignInMailPorts) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: { itemIdentifier: string }[] = [];
    for (const record of event.Records) {
      try {
        const outcome = await mailSignInCode(ports(), SignInCodeMailSchema.parse(JSON.parse(record.body)));
        logger.info('sign-in mail handled', { messageId: record.messageId, outcome });
      } catch (error) {
        logger.error('sign-in mail failed', { messageId: record.messageId, error: error as Error });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}

export const handler = createHandler(signInMailPorts);
