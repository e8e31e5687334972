/** POST /v1/admin/offices — registers a supervising office for a region. */

import { httpHandler } from '#kit/http.ts';
import { jsonBodyOf } from '#kit/request-input.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { registerOffice } from '#shared/office/manage-offices.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => Pick<RegistryPorts, 'offices'>) {
  return httpHandler(async (request) => ({ status: 201, body: await registerOffice(ports(), jsonBodyOf(request)) }));
}

export const handler = createHandler(registryPorts);
