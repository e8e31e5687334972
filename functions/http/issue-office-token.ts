/** POST /v1/admin/offices/{officeId}/tokens — a new bearer token for the office, shown this once. */

import { httpHandler } from '#kit/http.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { issueOfficeToken } from '#shared/office/manage-offices.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => RegistryPorts) {
  return httpHandler(async (request) => ({
    status: 201,
    body: await issueOfficeToken(ports(), request.pathParameters.officeId ?? ''),
  }));
}

export const handler = createHandler(registryPorts);
