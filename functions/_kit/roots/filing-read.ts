/** Reading receipts and versions: the filings table, and the registry to place an agency for an office. */
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoSubmissionStore } from '#shared/adapters/aws/dynamo-submission-store.ts';
import { DynamoVersionStore } from '#shared/adapters/aws/dynamo-version-store.ts';
import { dynamo } from '../clients/dynamo.ts';
import { tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';

export const filingReadPorts = /* @__PURE__ */ perContainer((env) => ({
  agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry', env)),
  submissions: new DynamoSubmissionStore(dynamo(), tableName('filings', env)),
  versions: new DynamoVersionStore(dynamo(), tableName('filings', env)),
}));
