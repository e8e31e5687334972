/** An agency's pages: the registry, versions, receipts (findings), originals, data, the index; writes the site. */
import { DynamoAgencyReader } from '#shared/adapters/aws/dynamo-agency-reader.ts';
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { DynamoSubmissionStore } from '#shared/adapters/aws/dynamo-submission-store.ts';
import { DynamoVersionList } from '#shared/adapters/aws/dynamo-version-list.ts';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { PagesPorts } from '#shared/archive/archive-ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { s3 } from '../clients/s3.ts';
import { bucketName, tableName } from '../config.ts';
import { deadlineConfig } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';

export const pagesPorts = /* @__PURE__ */ perContainer(
  (env): PagesPorts => ({
    clock: systemClock,
    agencies: new DynamoAgencyReader(dynamo(), tableName('registry', env)),
    versions: new DynamoVersionList(dynamo(), tableName('filings', env)),
    submissions: new DynamoSubmissionStore(dynamo(), tableName('filings', env)),
    originals: new S3BlobStore(s3(), bucketName('originals', env)),
    data: new S3BlobStore(s3(), bucketName('data', env)),
    site: new S3BlobStore(s3(), bucketName('site', env)),
    index: new DynamoArchiveTable(dynamo(), tableName('archive', env)),
    deadlines: deadlineConfig(),
  }),
);
