/**
 * The composition root of every Lambda: SDK clients built once per container (on first use, after the
 * environment is in place), handed to the adapters, which make the ports the use cases need.
 * `@aws-sdk/*` appears only here and under shared/adapters/.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoSubmissionStore } from '#shared/adapters/aws/dynamo-submission-store.ts';
import { DynamoTokenStore } from '#shared/adapters/aws/dynamo-token-store.ts';
import { DynamoVersionStore } from '#shared/adapters/aws/dynamo-version-store.ts';
import { EventBridgePublisher } from '#shared/adapters/aws/eventbridge-publisher.ts';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { S3UploadUrlSigner } from '#shared/adapters/aws/s3-upload-url-signer.ts';
import { randomIds } from '#shared/adapters/system/random-ids.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import { checkReport } from '#shared/check-report.ts';
import type { FilingPorts, RegistryPorts, UploadPorts } from '#shared/ports.ts';
import { validateReport } from '#shared/validate/validate-report.ts';
import { bucketName, eventBusName, s3ForcePathStyle, tableName } from './config.ts';
import { once } from './once.ts';

const dynamo = once(() =>
  DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } }),
);
// WHEN_REQUIRED: the default would sign presigned PUTs with the CRC32 of an empty body (and s3rver stores
// aws-chunked framing for streamed bodies); see ../shared/notes/ecosystem.md §2.
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
    data: new S3BlobStore(s3(), bucketName('data')),
    events: new EventBridgePublisher(eventBridge(), eventBusName()),
    checkReport,
    validateReport,
  }),
);

export const uploadPorts = once(
  (): UploadPorts => ({
    ...filingPorts(),
    uploads: new S3BlobStore(s3(), bucketName('uploads')),
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

/** Reading receipts and versions touches only the filings table. */
export const filingReadPorts = once(() => ({
  submissions: new DynamoSubmissionStore(dynamo(), tableName('filings')),
  versions: new DynamoVersionStore(dynamo(), tableName('filings')),
}));

export const registryPorts = once(
  (): RegistryPorts => ({
    clock: systemClock,
    ids: randomIds,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry')),
    tokens: new DynamoTokenStore(dynamo(), tableName('registry')),
  }),
);
