/** PUT /v1/admin/agencies/{agencyId} — replaces a registered agency's entry. */

import { httpHandler } from '#kit/http.ts';
import { jsonBodyOf } from '#kit/request-input.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { replaceAgency } from '#shared/filing/manage-agencies.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => Pick<RegistryPorts, 'agencies'>) {
  return httpHandler(async (request) => ({
    status: 200,
    body: await replaceAgency(ports(), request.pathParameters.agencyId ?? '', jsonBodyOf(request)),
  }));
}

export const handler = createHandler(registryPorts);
