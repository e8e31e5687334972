/**
 * The HTTP API's Lambda authorizer (payload 2.0, simple responses). It never refuses: it resolves the
 * bearer token — or, without one, the session cookie of a browser signed in by e-mail code — to a principal
 * (or "anonymous"), and each route's handler enforces the route's declared auth, so that refusals carry the
 * API's own typed error body (API Gateway's own 403 has none). A cookie on a request that changes something
 * counts only from this site's own pages (CSRF).
 */
import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { type AuthorizerContext, toAuthorizerContext } from '#kit/principal.ts';
import { registryPorts } from '#kit/roots/registry.ts';
import { type SessionPorts, sessionPorts } from '#kit/roots/sessions.ts';
import { bearerTokenOf } from '#shared/auth/bearer-token.ts';
import type { Principal } from '#shared/auth/principal.ts';
import { isSameOriginRequest } from '#shared/auth/request-origin.ts';
import { sessionIdOf } from '#shared/auth/sessions.ts';
import { resolveSession } from '#shared/auth/sign-in.ts';
import { resolveCaller } from '#shared/auth/tokens.ts';
import type { RegistryPorts } from '#shared/ports.ts';

export function createHandler(
  registry: () => Pick<RegistryPorts, 'tokens' | 'agencies'>,
  sessions: () => SessionPorts,
) {
  async function principalOf(event: APIGatewayRequestAuthorizerEventV2): Promise<Principal | null> {
    const token = bearerTokenOf(event.headers?.authorization);
    if (token) return resolveCaller(registry(), token);
    const sessionId = sessionIdOf(event.cookies);
    if (sessionId === null || !isSameOriginRequest(event.requestContext.http.method, event.headers ?? {})) return null;
    return resolveSession(sessions(), sessionId);
  }
  return async (
    event: APIGatewayRequestAuthorizerEventV2,
  ): Promise<APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>> => ({
    isAuthorized: true,
    context: toAuthorizerContext(await principalOf(event)),
  });
}

export const handler = createHandler(registryPorts, sessionPorts);
