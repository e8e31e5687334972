/** The office's review queue: versions and submissions in the filings table, agencies in the registry. */
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoSubmissionStore } from '#shared/adapters/aws/dynamo-submission-store.ts';
import { DynamoVersionStore } from '#shared/adapters/aws/dynamo-version-store.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { ReviewPorts } from '#shared/review/review-filing.ts';
import { dynamo } from '../clients/dynamo.ts';
import { tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';

export const reviewPorts = perContainer(
  (env): ReviewPorts => ({
    clock: systemClock,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry', env)),
    submissions: new DynamoSubmissionStore(dynamo(), tableName('filings', env)),
    versions: new DynamoVersionStore(dynamo(), tableName('filings', env)),
  }),
);
