/** POST /v1/admin/agencies — registers an agency. */

import { httpHandler } from '#kit/http.ts';
import { jsonBodyOf } from '#kit/request-input.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { registerAgency } from '#shared/filing/manage-agencies.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => Pick<RegistryPorts, 'agencies'>) {
  return httpHandler(async (request) => ({ status: 201, body: await registerAgency(ports(), jsonBodyOf(request)) }));
}

export const handler = createHandler(registryPorts);
