/** Filing status: the registry and first versions, by key. */
import { DynamoAcceptedReports } from '#shared/adapters/aws/dynamo-accepted-reports.ts';
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import { dynamo } from '../clients/dynamo.ts';
import { tableName } from '../config.ts';
import { deadlineConfig } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';

export const statusPorts = /* @__PURE__ */ perContainer((env) => ({
  clock: systemClock,
  agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry', env)),
  reports: new DynamoAcceptedReports(dynamo(), tableName('filings', env)),
  config: deadlineConfig(),
}));
