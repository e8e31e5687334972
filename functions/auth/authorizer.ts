/**
 * The HTTP API's Lambda authorizer (payload 2.0, simple responses). It never refuses: it resolves the
 * bearer token to a principal (or "anonymous") and each route's handler enforces the route's declared
 * auth, so that refusals carry the API's own typed error body (API Gateway's own 403 has none).
 */
import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { type AuthorizerContext, toAuthorizerContext } from '#kit/principal.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { bearerTokenOf } from '#shared/auth/bearer-token.ts';
import { resolveCaller } from '#shared/auth/tokens.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(registry: () => Pick<RegistryPorts, 'tokens' | 'agencies'>) {
  return async (
    event: APIGatewayRequestAuthorizerEventV2,
  ): Promise<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>> => {
    const token = bearerTokenOf(event.headers?.authorization);
    const principal = token ? await resolveCaller(registry(), token) : null;
    return { isAuthorized: true, context: toAuthorizerContext(principal) };
  };
}

export const handler = createHandler(registryPorts);
