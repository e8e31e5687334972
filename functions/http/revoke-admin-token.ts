/** DELETE /v1/admin/tokens/{tokenId} — an admin token stops working at once. */

import { httpHandler } from '#kit/http.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { revokeToken } from '#shared/auth/tokens.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => RegistryPorts) {
  return httpHandler(async (request) => ({
    status: 200,
    body: await revokeToken(ports(), { kind: 'admin' }, request.pathParameters.tokenId ?? ''),
  }));
}

export const handler = createHandler(registryPorts);
