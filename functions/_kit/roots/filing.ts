/**
 * The functions that file reports (submit, import, uploads, the pending sweep): the only ones that read
 * documents, so the only ones carrying the checker; its DOCX and PDF readers load on first use.
 */
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoSubmissionStore } from '#shared/adapters/aws/dynamo-submission-store.ts';
import { DynamoVersionStore } from '#shared/adapters/aws/dynamo-version-store.ts';
import { EventBridgePublisher } from '#shared/adapters/aws/eventbridge-publisher.ts';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { S3UploadUrlSigner } from '#shared/adapters/aws/s3-upload-url-signer.ts';
import { randomIds } from '#shared/adapters/system/random-ids.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import { checkReport } from '#shared/check-report.ts';
import type { FilingPorts, UploadPorts } from '#shared/ports.ts';
import { validateReport } from '#shared/validate/validate-report.ts';
import { dynamo } from '../clients/dynamo.ts';
import { eventBridge } from '../clients/event-bridge.ts';
import { s3 } from '../clients/s3.ts';
import { bucketName, eventBusName, tableName } from '../config.ts';
import { deadlineConfig } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';
import { reviewConfig } from '../review-config.ts';

export const filingPorts = /* @__PURE__ */ perContainer(
  (env): FilingPorts => ({
    clock: systemClock,
    ids: randomIds,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry', env)),
    submissions: new DynamoSubmissionStore(dynamo(), tableName('filings', env)),
    versions: new DynamoVersionStore(dynamo(), tableName('filings', env)),
    originals: new S3BlobStore(s3(), bucketName('originals', env)),
    uploads: new S3BlobStore(s3(), bucketName('uploads', env)),
    data: new S3BlobStore(s3(), bucketName('data', env)),
    events: new EventBridgePublisher(eventBridge(), eventBusName(env)),
    checkReport,
    validateReport,
    deadlines: deadlineConfig(),
    review: reviewConfig(),
  }),
);

export const uploadPorts = /* @__PURE__ */ perContainer(
  (env): UploadPorts => ({
    ...filingPorts(),
    uploadSigner: new S3UploadUrlSigner(s3(), bucketName('uploads', env)),
  }),
);
