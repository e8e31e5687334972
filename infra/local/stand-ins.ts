/**
 * The AWS stand-ins for one home directory: dynalite (`<home>/dynamodb`), s3rver (`<home>/s3`)
 * and the SES inbox, each on its own port (0 = any free one), with the declared tables and buckets
 * in place. Integration tests can start just these, without any handler.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TableDecl } from '../declaration.ts';
import { type DynamoStandIn, startDynamoStandIn } from './dynamo-stand-in.ts';
import { type AnyAppDeclaration, localBucketName, localQueueName, localTableName } from './local-aws.ts';
import { type S3StandIn, startS3StandIn } from './s3-stand-in.ts';
import { type SesStandIn, startSesStandIn } from './ses-stand-in.ts';
import { type SqsStandIn, startSqsStandIn } from './sqs-stand-in.ts';

/** The longest delivery delay of a local queue. */
const LOCAL_QUEUE_DELAY_MS = 1000;

export interface StandInPorts {
  readonly dynamodb?: number;
  readonly s3?: number;
  readonly ses?: number;
  readonly sqs?: number;
}

export interface StandInsOptions {
  readonly app: AnyAppDeclaration;
  readonly home: string;
  readonly ports?: StandInPorts;
  readonly log?: (line: string) => void;
  /** Overrides every queue's declared delivery delay (tests wait milliseconds, not seconds). */
  readonly queueDelayMs?: number | undefined;
}

export interface StandIns {
  readonly endpoints: { readonly dynamodb: string; readonly s3: string; readonly ses: string; readonly sqs: string };
  /** Logical name → local physical name. */
  readonly tableNames: Readonly<Record<string, string>>;
  readonly bucketNames: Readonly<Record<string, string>>;
  readonly queueNames: Readonly<Record<string, string>>;
  /** Each queue's delivery delay in seconds, as its senders size their batching window. */
  readonly queueDelaySeconds: Readonly<Record<string, number>>;
  readonly s3: S3StandIn;
  readonly sqs: SqsStandIn;
  readonly ses: SesStandIn;
  stop(): Promise<void>;
}

export async function startStandIns({ app, home, ports = {}, log, queueDelayMs }: StandInsOptions): Promise<StandIns> {
  const tableNames = mapNames(app.tables, (name) => localTableName(app, name));
  const bucketNames = mapNames(app.buckets, (name) => localBucketName(app, name));
  const queues = app.queues ?? {};
  const queueNames = mapNames(queues, (name) => localQueueName(app, name));
  // Locally a batching window of a second (not the declared ten) keeps the same semantics and shows a demo's
  // pages sooner.
  const queueDelaySeconds = Object.fromEntries(
    Object.entries(queues).map(([name, decl]) => [
      name,
      (queueDelayMs ?? Math.min(decl.deliveryDelaySeconds * 1000, LOCAL_QUEUE_DELAY_MS)) / 1000,
    ]),
  );
  await mkdir(join(home, 'dynamodb'), { recursive: true });
  await mkdir(join(home, 's3'), { recursive: true });

  const started: { close(): Promise<void> }[] = [];
  try {
    const tables = new Map<string, TableDecl>(
      Object.entries(app.tables).map(([name, decl]) => [tableNames[name] ?? name, decl]),
    );
    const dynamo: DynamoStandIn = await startDynamoStandIn(join(home, 'dynamodb'), tables, ports.dynamodb);
    started.push(dynamo);
    const buckets = Object.entries(app.buckets).map(([name, decl]) => ({
      name: bucketNames[name] ?? name,
      browserUploads: decl.eventBridge === true,
    }));
    const s3 = await startS3StandIn(join(home, 's3'), buckets, ports.s3, log);
    started.push(s3);
    const ses = await startSesStandIn(ports.ses);
    started.push(ses);
    const sqs = await startSqsStandIn(
      Object.entries(queues).map(([name, decl]) => ({
        name: queueNames[name] ?? name,
        delayMs: (queueDelaySeconds[name] ?? decl.deliveryDelaySeconds) * 1000,
        // Lambda's consumer holds a message as long as the consumer may run.
        visibilityTimeoutMs: 15 * 60_000,
      })),
      ports.sqs,
    );
    started.push(sqs);
    return {
      endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint, ses: ses.endpoint, sqs: sqs.endpoint },
      tableNames,
      bucketNames,
      queueNames,
      queueDelaySeconds,
      s3,
      ses,
      sqs,
      stop: () => closeAll(started),
    };
  } catch (error) {
    await closeAll(started);
    throw error;
  }
}

async function closeAll(services: readonly { close(): Promise<void> }[]): Promise<void> {
  await Promise.all([...services].reverse().map((service) => service.close()));
}

function mapNames(
  record: Readonly<Record<string, unknown>>,
  toPhysical: (name: string) => string,
): Record<string, string> {
  return Object.fromEntries(Object.keys(record).map((name) => [name, toPhysical(name)]));
}
