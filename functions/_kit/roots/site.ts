/** The page builder: reads the registry, versions, receipts, originals and data; writes the site bucket. */
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoSubmissionStore } from '#shared/adapters/aws/dynamo-submission-store.ts';
import { DynamoVersionStore } from '#shared/adapters/aws/dynamo-version-store.ts';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { SitePorts } from '#shared/site/site-ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { s3 } from '../clients/s3.ts';
import { bucketName, tableName } from '../config.ts';
import { deadlineConfig } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';

export const sitePorts = /* @__PURE__ */ perContainer((env): SitePorts => {
  const deadlines = deadlineConfig();
  return {
    clock: systemClock,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry', env)),
    versions: new DynamoVersionStore(dynamo(), tableName('filings', env)),
    submissions: new DynamoSubmissionStore(dynamo(), tableName('filings', env)),
    originals: new S3BlobStore(s3(), bucketName('originals', env)),
    data: new S3BlobStore(s3(), bucketName('data', env)),
    site: new S3BlobStore(s3(), bucketName('site', env)),
    deadlines,
    siteUrl: deadlines.siteUrl.replace(/\/+$/, ''),
  };
});
