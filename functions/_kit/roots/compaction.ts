/** The compaction: the index table, streamed site writes and the archive queue — none of the filings or the registry. */
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { S3StreamingBlobStore } from '#shared/adapters/aws/s3-streaming-blob-store.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { CompactionPorts } from '#shared/archive/compaction.ts';
import { dynamo } from '../clients/dynamo.ts';
import { s3 } from '../clients/s3.ts';
import { bucketName, tableName } from '../config.ts';
import { publicSiteUrl } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';
import { taskQueues } from './task-queues.ts';

export const compactionPorts = /* @__PURE__ */ perContainer(
  (env): CompactionPorts => ({
    clock: systemClock,
    site: new S3StreamingBlobStore(s3(), bucketName('site', env)),
    index: new DynamoArchiveTable(dynamo(), tableName('archive', env)),
    ...taskQueues(env, ['archive']),
    siteUrl: publicSiteUrl(),
  }),
);
