/** GET /v1/admin/agencies?limit=&cursor= — registered agencies by id, a page at a time. */

import { httpHandler } from '#kit/http.ts';
import { pageOf } from '#kit/page-query.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { listAgencies } from '#shared/filing/manage-agencies.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => Pick<RegistryPorts, 'agencies'>) {
  return httpHandler(async (request) => ({ status: 200, body: await listAgencies(ports(), pageOf(request)) }));
}

export const handler = createHandler(registryPorts);
