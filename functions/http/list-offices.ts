/** GET /v1/admin/offices?limit=&cursor= — registered supervising offices by id. */

import { httpHandler } from '#kit/http.ts';
import { pageOf } from '#kit/page-query.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { listOffices } from '#shared/office/manage-offices.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => Pick<RegistryPorts, 'offices'>) {
  return httpHandler(async (request) => ({ status: 200, body: await listOffices(ports(), pageOf(request)) }));
}

export const handler = createHandler(registryPorts);
