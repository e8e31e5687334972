/**
 * The composition root of every Lambda: SDK clients built once per container (on first use, after the
 * environment is in place), handed to the adapters, which make the ports the use cases need.
 * `@aws-sdk/*` appears only here and under shared/adapters/.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { MAIL_SENDER_ENV } from '#infra/declaration.ts';
import { DynamoAcceptedReports } from '#shared/adapters/aws/dynamo-accepted-reports.ts';
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { DynamoNoticeStore } from '#shared/adapters/aws/dynamo-notice-store.ts';
import { DynamoOfficeRegistry } from '#shared/adapters/aws/dynamo-office-registry.ts';
import { DynamoSubmissionStore } from '#shared/adapters/aws/dynamo-submission-store.ts';
import { DynamoTokenStore } from '#shared/adapters/aws/dynamo-token-store.ts';
import { DynamoVersionStore } from '#shared/adapters/aws/dynamo-version-store.ts';
import { EventBridgePublisher } from '#shared/adapters/aws/eventbridge-publisher.ts';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { S3StreamingBlobStore } from '#shared/adapters/aws/s3-streaming-blob-store.ts';
import { S3UploadUrlSigner } from '#shared/adapters/aws/s3-upload-url-signer.ts';
import { SqsTaskQueue } from '#shared/adapters/aws/sqs-task-queue.ts';
import { randomIds } from '#shared/adapters/system/random-ids.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { ArchivePorts } from '#shared/archive/archive-ports.ts';
import { checkReport } from '#shared/check-report.ts';
import { DEADLINES_CONFIG_ENV, parseDeadlineConfig } from '#shared/deadlines/config.ts';
import type { DeadlinePorts, FilingPorts, NoticePorts, RegistryPorts, UploadPorts } from '#shared/ports.ts';
import type { SitePorts } from '#shared/site/site-ports.ts';
import { validateReport } from '#shared/validate/validate-report.ts';
import { bucketName, eventBusName, queueDelaySeconds, queueUrl, s3ForcePathStyle, tableName } from './config.ts';
import { mailerFor } from './mailer.ts';
import { once } from './once.ts';

const dynamo = once(() =>
  DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } }),
);
// WHEN_REQUIRED: the default would sign presigned PUTs with the CRC32 of an empty body (and s3rver stores
// aws-chunked framing for streamed bodies); s3rver needs it.
const s3 = once(
  () =>
    new S3Client({
      forcePathStyle: s3ForcePathStyle(),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
);
const eventBridge = once(() => new EventBridgeClient({}));

export const filingPorts = once(
  (): FilingPorts => ({
    clock: systemClock,
    ids: randomIds,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry')),
    submissions: new DynamoSubmissionStore(dynamo(), tableName('filings')),
    versions: new DynamoVersionStore(dynamo(), tableName('filings')),
    originals: new S3BlobStore(s3(), bucketName('originals')),
    uploads: new S3BlobStore(s3(), bucketName('uploads')),
    data: new S3BlobStore(s3(), bucketName('data')),
    events: new EventBridgePublisher(eventBridge(), eventBusName()),
    checkReport,
    validateReport,
    deadlines: deadlineConfig(),
  }),
);

export const uploadPorts = once(
  (): UploadPorts => ({
    ...filingPorts(),
    uploadSigner: new S3UploadUrlSigner(s3(), bucketName('uploads')),
  }),
);

/** POST /v1/uploads touches only the filings table and the uploads bucket. */
export const openUploadPorts = once(() => ({
  clock: systemClock,
  ids: randomIds,
  submissions: new DynamoSubmissionStore(dynamo(), tableName('filings')),
  uploadSigner: new S3UploadUrlSigner(s3(), bucketName('uploads')),
}));

/** Reading receipts and versions: the filings table, and the registry to place an agency for an office. */
export const filingReadPorts = once(() => ({
  agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry')),
  submissions: new DynamoSubmissionStore(dynamo(), tableName('filings')),
  versions: new DynamoVersionStore(dynamo(), tableName('filings')),
}));

export const registryPorts = once(
  (): RegistryPorts => ({
    clock: systemClock,
    ids: randomIds,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry')),
    offices: new DynamoOfficeRegistry(dynamo(), tableName('registry')),
    tokens: new DynamoTokenStore(dynamo(), tableName('registry')),
  }),
);

/** The page builder: reads the registry, versions, receipts, originals and data; writes the site bucket. */
export const sitePorts = once((): SitePorts => {
  const deadlines = deadlineConfig();
  return {
    clock: systemClock,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry')),
    versions: new DynamoVersionStore(dynamo(), tableName('filings')),
    submissions: new DynamoSubmissionStore(dynamo(), tableName('filings')),
    originals: new S3BlobStore(s3(), bucketName('originals')),
    data: new S3BlobStore(s3(), bucketName('data')),
    site: new S3BlobStore(s3(), bucketName('site')),
    deadlines,
    siteUrl: deadlines.siteUrl.replace(/\/+$/, ''),
  };
});

const sqs = once(() => new SQSClient({}));

/** The archive: the page builder's ports plus the index table, the archive queue and streamed site writes. */
export const archivePorts = once(
  (): ArchivePorts => ({
    ...sitePorts(),
    site: new S3StreamingBlobStore(s3(), bucketName('site')),
    index: new DynamoArchiveTable(dynamo(), tableName('archive')),
    queue: new SqsTaskQueue(sqs(), queueUrl('archive')),
    queueDelaySeconds: queueDelaySeconds('archive'),
  }),
);

/** `GONGKAI_DEADLINES` (JSON; every field defaults): calendar overrides, reminder offsets, the site's URL. */
const deadlineConfig = once(() => parseDeadlineConfig(process.env[DEADLINES_CONFIG_ENV]));
const mailSender = once(() =>
  z.email(`${MAIL_SENDER_ENV} must be an e-mail address`).parse(process.env[MAIL_SENDER_ENV]),
);

/** The deadline run reads the registry, first versions and notice records by key, and publishes. */
export const deadlinePorts = once(
  (): DeadlinePorts => ({
    clock: systemClock,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry')),
    reports: new DynamoAcceptedReports(dynamo(), tableName('filings')),
    notices: new DynamoNoticeStore(dynamo(), tableName('notices')),
    events: new EventBridgePublisher(eventBridge(), eventBusName()),
    config: deadlineConfig(),
  }),
);

export const noticePorts = once(
  (): NoticePorts => ({
    clock: systemClock,
    notices: new DynamoNoticeStore(dynamo(), tableName('notices')),
    mailer: mailerFor(mailSender()),
    events: new EventBridgePublisher(eventBridge(), eventBusName()),
    config: deadlineConfig(),
  }),
);

export const noticeReadPorts = once(() => ({
  clock: systemClock,
  notices: new DynamoNoticeStore(dynamo(), tableName('notices')),
}));

/** Filing status: the registry and first versions, by key. */
export const statusPorts = once(() => ({
  clock: systemClock,
  agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry')),
  reports: new DynamoAcceptedReports(dynamo(), tableName('filings')),
  config: deadlineConfig(),
}));

/** A supervising office's view: the registry's region index, first versions, an agency's submissions, the bus. */
export const officePorts = once(() => ({
  clock: systemClock,
  agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry')),
  reports: new DynamoAcceptedReports(dynamo(), tableName('filings')),
  submissions: new DynamoSubmissionStore(dynamo(), tableName('filings')),
  events: new EventBridgePublisher(eventBridge(), eventBusName()),
  config: deadlineConfig(),
}));
