/** The archive: the page builder's ports plus the index table, the archive queue and streamed site writes. */
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { S3StreamingBlobStore } from '#shared/adapters/aws/s3-streaming-blob-store.ts';
import { SqsTaskQueue } from '#shared/adapters/aws/sqs-task-queue.ts';
import type { ArchivePorts } from '#shared/archive/archive-ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { s3 } from '../clients/s3.ts';
import { sqs } from '../clients/sqs.ts';
import { bucketName, queueDelaySeconds, queueUrl, tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';
import { sitePorts } from './site.ts';

export const archivePorts = /* @__PURE__ */ perContainer(
  (env): ArchivePorts => ({
    ...sitePorts(),
    site: new S3StreamingBlobStore(s3(), bucketName('site', env)),
    index: new DynamoArchiveTable(dynamo(), tableName('archive', env)),
    queue: new SqsTaskQueue(sqs(), queueUrl('archive', env)),
    queueDelaySeconds: queueDelaySeconds('archive', env),
  }),
);
