/** A shard's build: the registry, the reports, the index table, the site bucket and the archive queue. */
import { DynamoAgencyReader } from '#shared/adapters/aws/dynamo-agency-reader.ts';
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { ShardPorts } from '#shared/archive/archive-ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { s3 } from '../clients/s3.ts';
import { bucketName, tableName } from '../config.ts';
import { deadlineConfig, publicSiteUrl } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';
import { taskQueues } from './task-queues.ts';

export const shardPorts = /* @__PURE__ */ perContainer(
  (env): ShardPorts => ({
    clock: systemClock,
    agencies: new DynamoAgencyReader(dynamo(), tableName('registry', env)),
    data: new S3BlobStore(s3(), bucketName('data', env)),
    site: new S3BlobStore(s3(), bucketName('site', env)),
    index: new DynamoArchiveTable(dynamo(), tableName('archive', env)),
    ...taskQueues(env, ['archive']),
    deadlines: deadlineConfig(),
    siteUrl: publicSiteUrl(),
  }),
);
