/**
 * The environment a handler sees locally: SDK endpoints pointing at the stand-ins, one set of
 * credentials, s3rver-safe checksum settings, and the same resource-name variables CDK sets —
 * derived from the declaration, so a handler reads its config exactly as it does on Lambda.
 */
import {
  bucketEnvName,
  EVENT_BUS_ENV,
  MAIL_SENDER_ENV,
  queueDelayEnvName,
  queueEnvName,
  tableEnvName,
} from '../declaration.ts';
import { LOCAL_ACCESS_KEY, LOCAL_REGION } from './local-aws.ts';

export interface LocalEndpoints {
  readonly dynamodb: string;
  readonly s3: string;
  readonly ses: string;
  readonly eventBridge: string;
  readonly sqs: string;
}

export interface LocalResourceNames {
  readonly tables: Readonly<Record<string, string>>;
  readonly buckets: Readonly<Record<string, string>>;
  /** Logical queue name → its local URL and delivery delay. */
  readonly queues?: Readonly<Record<string, { readonly url: string; readonly delaySeconds: number }>>;
  readonly eventBus: string;
  readonly mailSender: string;
}

export function awsEnvironment(endpoints: LocalEndpoints, names: LocalResourceNames): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: LOCAL_ACCESS_KEY,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventBridge,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    AWS_ENDPOINT_URL_SES: endpoints.ses,
    AWS_ENDPOINT_URL_SQS: endpoints.sqs,
    // The JS SDK has no environment variable for path-style addressing; the composition root reads this one.
    S3_FORCE_PATH_STYLE: 'true',
    // Default checksums make the SDK stream aws-chunked bodies that s3rver stores framing and all,
    // and put an empty-body CRC into presigned URLs.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    ...Object.fromEntries(Object.entries(names.tables).map(([name, physical]) => [tableEnvName(name), physical])),
    ...Object.fromEntries(Object.entries(names.buckets).map(([name, physical]) => [bucketEnvName(name), physical])),
    ...Object.fromEntries(
      Object.entries(names.queues ?? {}).flatMap(([name, q]) => [
        [queueEnvName(name), q.url],
        [queueDelayEnvName(name), String(q.delaySeconds)],
      ]),
    ),
    [EVENT_BUS_ENV]: names.eventBus,
    [MAIL_SENDER_ENV]: names.mailSender,
  };
}
