/** Registry functions (the authorizer, agencies, offices, tokens): the registry table only. */
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoOfficeRegistry } from '#shared/adapters/aws/dynamo-office-registry.ts';
import { DynamoTokenStore } from '#shared/adapters/aws/dynamo-token-store.ts';
import { randomIds } from '#shared/adapters/system/random-ids.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { RegistryPorts } from '#shared/ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';

export const registryPorts = /* @__PURE__ */ perContainer(
  (env): RegistryPorts => ({
    clock: systemClock,
    ids: randomIds,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry', env)),
    offices: new DynamoOfficeRegistry(dynamo(), tableName('registry', env)),
    tokens: new DynamoTokenStore(dynamo(), tableName('registry', env)),
  }),
);
