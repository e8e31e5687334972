/**
 * A rebuild job's steps: the registry, the versions and their reports, the index table, and every task queue
 * (a shard's step re-indexes its filings and queues their pages, the shard's build and the roll-ups).
 */
import { DynamoAgencyReader } from '#shared/adapters/aws/dynamo-agency-reader.ts';
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { DynamoVersionList } from '#shared/adapters/aws/dynamo-version-list.ts';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { RebuildPorts } from '#shared/archive/archive-ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { s3 } from '../clients/s3.ts';
import { bucketName, tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';
import { taskQueues } from './task-queues.ts';

export const rebuildPorts = /* @__PURE__ */ perContainer(
  (env): RebuildPorts => ({
    clock: systemClock,
    agencies: new DynamoAgencyReader(dynamo(), tableName('registry', env)),
    versions: new DynamoVersionList(dynamo(), tableName('filings', env)),
    data: new S3BlobStore(s3(), bucketName('data', env)),
    index: new DynamoArchiveTable(dynamo(), tableName('archive', env)),
    ...taskQueues(env, ['rebuild', 'pages', 'shards', 'archive']),
  }),
);
