/** GET /v1/admin/agencies/{agencyId} — one registered agency. */

import { httpHandler } from '#kit/http.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { getAgency } from '#shared/filing/manage-agencies.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => Pick<RegistryPorts, 'agencies'>) {
  return httpHandler(async (request) => ({
    status: 200,
    body: await getAgency(ports(), request.pathParameters.agencyId ?? ''),
  }));
}

export const handler = createHandler(registryPorts);
