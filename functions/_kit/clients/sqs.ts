/** The SQS client, one per container; only the functions that declare a queue import it. */
import { SQSClient } from '@aws-sdk/client-sqs';
import { perContainer } from '../function-environment.ts';

export const sqs = /* @__PURE__ */ perContainer(() => new SQSClient({}));
