/**
 * The principal travels from the authorizer to the route handler in the authorizer's context (flat
 * strings, which every API Gateway context accepts). The handler then enforces the route's declared auth.
 */
import { ROUTE_AUTH_ENV, type RouteAuth } from '#infra/declaration.ts';
import type { Principal } from '#shared/auth/principal.ts';
import { forbidden, unauthenticated } from '#shared/filing/errors.ts';
import { functionEnvironment } from './function-environment.ts';

export type AuthorizerContext = {
  readonly principal: 'agency' | 'office' | 'admin' | 'anonymous';
  readonly agencyId?: string;
  readonly officeId?: string;
  readonly regionCode?: string;
};

export function toAuthorizerContext(principal: Principal | null): AuthorizerContext {
  if (!principal) return { principal: 'anonymous' };
  switch (principal.kind) {
    case 'agency':
      return { principal: 'agency', agencyId: principal.agencyId };
    case 'office':
      return { principal: 'office', officeId: principal.officeId, regionCode: principal.regionCode };
    default:
      return { principal: 'admin' };
  }
}

/**
 * Null for an anonymous caller, or when no authorizer ran (a route with auth 'none'). The context comes from
 * our own authorizer through API Gateway, so checking its few flat strings by hand is enough (and keeps a
 * schema library out of every route's cold start).
 */
export function fromAuthorizerContext(context: unknown): Principal | null {
  if (typeof context !== 'object' || context === null) return null;
  const { principal, agencyId, officeId, regionCode } = context as Record<string, unknown>;
  if (![agencyId, officeId, regionCode].every((field) => field === undefined || nonEmpty(field))) return null;
  if (principal === 'admin') return { kind: 'admin' };
  if (principal === 'office') {
    return nonEmpty(officeId) && nonEmpty(regionCode) ? { kind: 'office', officeId, regionCode } : null;
  }
  return principal === 'agency' && nonEmpty(agencyId) ? { kind: 'agency', agencyId } : null;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

const ROUTE_AUTHS: ReadonlySet<string> = new Set<RouteAuth>([
  'none',
  'agency',
  'office',
  'admin',
  'agencyOrAdmin',
  'anyPrincipal',
]);
const parsedRouteAuth = new Map<string, Readonly<Record<string, unknown>>>();

/**
 * The declared auth of an API Gateway route key (`POST /v1/reports`), from the function's own routes in its
 * environment; an undeclared route, or a function told none, admits no one.
 */
export function routeAuthOf(routeKey: string): RouteAuth | null {
  const json = functionEnvironment()[ROUTE_AUTH_ENV] ?? '{}';
  let routes = parsedRouteAuth.get(json);
  if (routes === undefined) {
    routes = parseRoutes(json);
    parsedRouteAuth.set(json, routes);
  }
  const auth = routes[routeKey];
  return typeof auth === 'string' && ROUTE_AUTHS.has(auth) ? (auth as RouteAuth) : null;
}

function parseRoutes(json: string): Readonly<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** 401 without a valid token, 403 with a token of the wrong kind. */
export function enforceRouteAuth(auth: RouteAuth | null, principal: Principal | null): void {
  if (auth === 'none') return;
  if (!principal) throw unauthenticated();
  const allowed =
    auth === 'anyPrincipal' ||
    (auth === 'agencyOrAdmin' && principal.kind !== 'office') ||
    (auth === 'agency' && principal.kind === 'agency') ||
    (auth === 'office' && principal.kind === 'office') ||
    (auth === 'admin' && principal.kind === 'admin');
  if (!allowed) throw forbidden();
}

/** The calling agency's id on an agency route (the route's auth already admitted only agencies). */
export function callingAgency(principal: Principal | null): string {
  if (principal?.kind !== 'agency') throw forbidden();
  return principal.agencyId;
}

/** The calling office on an office route (the route's auth already admitted only offices). */
export function callingOffice(principal: Principal | null): Extract<Principal, { kind: 'office' }> {
  if (principal?.kind !== 'office') throw forbidden();
  return principal;
}

/** The caller on a route that admits only callers with a token. */
export function authenticatedCaller(principal: Principal | null): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}
