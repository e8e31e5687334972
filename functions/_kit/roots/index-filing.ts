/** Indexing a filing: the registry, the versions and their reports, the index table and three task queues. */
import { DynamoAgencyReader } from '#shared/adapters/aws/dynamo-agency-reader.ts';
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { DynamoVersionList } from '#shared/adapters/aws/dynamo-version-list.ts';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { RebuildPorts } from '#shared/archive/archive-ports.ts';
import type { TaskQueueName } from '#shared/archive/archive-tasks.ts';
import { dynamo } from '../clients/dynamo.ts';
import { s3 } from '../clients/s3.ts';
import { bucketName, tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';
import { taskQueues } from './task-queues.ts';

/** What indexing reads and writes, sending to the named queues; a rebuild's steps index the same way. */
export function indexingPorts(env: NodeJS.ProcessEnv, queues: readonly TaskQueueName[]): RebuildPorts {
  return {
    clock: systemClock,
    agencies: new DynamoAgencyReader(dynamo(), tableName('registry', env)),
    versions: new DynamoVersionList(dynamo(), tableName('filings', env)),
    data: new S3BlobStore(s3(), bucketName('data', env)),
    index: new DynamoArchiveTable(dynamo(), tableName('archive', env)),
    ...taskQueues(env, queues),
  };
}

export const indexPorts = /* @__PURE__ */ perContainer((env) => indexingPorts(env, ['pages', 'shards', 'archive']));
