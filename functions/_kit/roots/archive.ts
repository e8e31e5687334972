/** The roll-ups: the index table, the site bucket and the archive queue (a roll-up queues its parent's). */
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { AggregatePorts } from '#shared/archive/archive-ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { s3 } from '../clients/s3.ts';
import { bucketName, tableName } from '../config.ts';
import { publicSiteUrl } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';
import { taskQueues } from './task-queues.ts';

export const archivePorts = /* @__PURE__ */ perContainer(
  (env): AggregatePorts => ({
    clock: systemClock,
    site: new S3BlobStore(s3(), bucketName('site', env)),
    index: new DynamoArchiveTable(dynamo(), tableName('archive', env)),
    ...taskQueues(env, ['archive']),
    siteUrl: publicSiteUrl(),
  }),
);
