/** GET /v1/me — who the token belongs to, so a page signed in with a bare token can greet its agency. */

import { httpHandler } from '#kit/http.ts';
import { authenticatedCaller } from '#kit/principal.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => Pick<RegistryPorts, 'agencies' | 'offices'>) {
  return httpHandler(async (request) => {
    const caller = authenticatedCaller(request.principal);
    if (caller.kind === 'admin') {
      return { status: 200, body: { principal: 'admin', agencyId: null, agencyName: null } };
    }
    if (caller.kind === 'office') {
      const office = await ports().offices.get(caller.officeId);
      const body = { officeId: caller.officeId, officeName: office?.name ?? null, regionCode: caller.regionCode };
      return { status: 200, body: { principal: 'office', agencyId: null, agencyName: null, ...body } };
    }
    const agency = await ports().agencies.get(caller.agencyId);
    return {
      status: 200,
      body: { principal: 'agency', agencyId: caller.agencyId, agencyName: agency?.name ?? null },
    };
  });
}

export const handler = createHandler(registryPorts);
