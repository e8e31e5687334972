/** POST /v1/admin/tokens — a new admin bearer token, shown this once. */

import { httpHandler } from '#kit/http.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { issueToken } from '#shared/auth/tokens.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(ports: () => RegistryPorts) {
  return httpHandler(async () => ({ status: 201, body: await issueToken(ports(), { kind: 'admin' }) }));
}

export const handler = createHandler(registryPorts);
