/**
 * The roll-ups and rebuild jobs: the registry, the versions and their reports (a rebuild re-indexes them), the
 * index table, the site bucket and the three task queues (a rebuild queues pages, shards and roll-ups).
 */
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { DynamoVersionStore } from '#shared/adapters/aws/dynamo-version-store.ts';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { AggregatePorts } from '#shared/archive/archive-ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { s3 } from '../clients/s3.ts';
import { bucketName, tableName } from '../config.ts';
import { deadlineConfig } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';
import { taskQueues } from './task-queues.ts';

export const archivePorts = /* @__PURE__ */ perContainer((env): AggregatePorts => {
  const deadlines = deadlineConfig();
  return {
    clock: systemClock,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry', env)),
    versions: new DynamoVersionStore(dynamo(), tableName('filings', env)),
    data: new S3BlobStore(s3(), bucketName('data', env)),
    site: new S3BlobStore(s3(), bucketName('site', env)),
    index: new DynamoArchiveTable(dynamo(), tableName('archive', env)),
    ...taskQueues(env, ['archive', 'shards', 'pages']),
    deadlines,
    siteUrl: deadlines.siteUrl.replace(/\/+$/, ''),
  };
});
