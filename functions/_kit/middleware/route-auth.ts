/**
 * The route's declared auth, enforced before the route runs: 401 without a caller, 403 for a caller of the
 * wrong kind. The admitted caller is kept beside the event it came with, for the route to read.
 */
import type middy from '@middy/core';
import type { Principal } from '#shared/auth/principal.ts';
import type { HttpEvent, HttpResult } from '../http.ts';
import { enforceRouteAuth, fromAuthorizerContext, routeAuthOf } from '../principal.ts';

const admitted = new WeakMap<HttpEvent, Principal | null>();

export function routeAuth(): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: ({ event }) => {
      const principal = fromAuthorizerContext(event.requestContext.authorizer?.lambda);
      enforceRouteAuth(routeAuthOf(event.routeKey), principal);
      admitted.set(event, principal);
    },
  };
}

/** The caller `routeAuth` admitted for this event; null for an anonymous caller on a route open to all. */
export function admittedCaller(event: HttpEvent): Principal | null {
  return admitted.get(event) ?? null;
}
