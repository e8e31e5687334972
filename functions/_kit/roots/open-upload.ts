/** POST /v1/uploads touches only the filings table and the uploads bucket. */
import { DynamoSubmissionStore } from '#shared/adapters/aws/dynamo-submission-store.ts';
import { S3UploadUrlSigner } from '#shared/adapters/aws/s3-upload-url-signer.ts';
import { randomIds } from '#shared/adapters/system/random-ids.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import { dynamo } from '../clients/dynamo.ts';
import { s3 } from '../clients/s3.ts';
import { bucketName, tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';

export const openUploadPorts = /* @__PURE__ */ perContainer((env) => ({
  clock: systemClock,
  ids: randomIds,
  submissions: new DynamoSubmissionStore(dynamo(), tableName('filings', env)),
  uploadSigner: new S3UploadUrlSigner(s3(), bucketName('uploads', env)),
}));
