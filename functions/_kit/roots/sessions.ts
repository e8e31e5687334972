/** Resolving a session (the authorizer, sign-out): the sign-in table, and the registry's contacts to re-check. */
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoContactDirectory } from '#shared/adapters/aws/dynamo-contact-directory.ts';
import { DynamoOfficeRegistry } from '#shared/adapters/aws/dynamo-office-registry.ts';
import { DynamoSignInStore } from '#shared/adapters/aws/dynamo-sign-in-store.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { SignInPorts } from '#shared/auth/sign-in-ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';

export type SessionPorts = Pick<SignInPorts, 'clock' | 'store' | 'contacts'>;

export const sessionPorts = perContainer((env): SessionPorts => {
  const registry = tableName('registry', env);
  return {
    clock: systemClock,
    store: new DynamoSignInStore(dynamo(), tableName('signIn', env)),
    contacts: new DynamoContactDirectory(dynamo(), registry, {
      agencies: new DynamoAgencyRegistry(dynamo(), registry),
      offices: new DynamoOfficeRegistry(dynamo(), registry),
    }),
  };
});
