/** POST /v1/admin/agencies/{agencyId}/tokens — a new bearer token for the agency, shown this once. */

import { httpHandler } from '#kit/http.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { issueAgencyToken } from '#shared/filing/manage-agencies.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => RegistryPorts) {
  return httpHandler(async (request) => ({
    status: 201,
    body: await issueAgencyToken(ports(), request.pathParameters.agencyId ?? ''),
  }));
}

export const handler = createHandler(registryPorts);
