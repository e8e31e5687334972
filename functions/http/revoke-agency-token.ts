/** DELETE /v1/admin/agencies/{agencyId}/tokens/{tokenId} — the token stops working at once. */

import { httpHandler } from '#kit/http.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { revokeAgencyToken } from '#shared/filing/manage-agencies.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => RegistryPorts) {
  return httpHandler(async (request) => {
    const { agencyId = '', tokenId = '' } = request.pathParameters;
    return { status: 200, body: await revokeAgencyToken(ports(), agencyId, tokenId) };
  });
}

export const handler = createHandler(registryPorts);
