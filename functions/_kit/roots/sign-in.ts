/** Asking for a code: the sign-in table and the sign-in mail queue; neither the registry nor the mailer. */
import { DynamoSignInStore } from '#shared/adapters/aws/dynamo-sign-in-store.ts';
import { SqsSignInOutbox } from '#shared/adapters/aws/sqs-sign-in-outbox.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { SignInPorts } from '#shared/auth/sign-in-ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { sqs } from '../clients/sqs.ts';
import { queueUrl, tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';

export type CodeRequestPorts = Pick<SignInPorts, 'clock' | 'store' | 'outbox'>;

export const signInPorts = perContainer(
  (env): CodeRequestPorts => ({
    clock: systemClock,
    store: new DynamoSignInStore(dynamo(), tableName('signIn', env)),
    outbox: new SqsSignInOutbox(sqs(), queueUrl('signInMail', env)),
  }),
);
