/**
 * The principal travels from the authorizer to the route handler in the authorizer's context (flat
 * strings, which every API Gateway context accepts). The handler then enforces the route's declared auth.
 */
import * as z from 'zod';
import { app } from '#infra/app.ts';
import type { RouteAuth } from '#infra/declaration.ts';
import type { Principal } from '#shared/auth/principal.ts';
import { forbidden, unauthenticated } from '#shared/filing/errors.ts';

export type AuthorizerContext = {
  readonly principal: 'agency' | 'office' | 'admin' | 'anonymous';
  readonly agencyId?: string;
  readonly officeId?: string;
  readonly regionCode?: string;
};

const AuthorizerContextSchema = z.object({
  principal: z.enum(['agency', 'office', 'admin', 'anonymous']),
  agencyId: z.string().min(1).optional(),
  officeId: z.string().min(1).optional(),
  regionCode: z.string().min(1).optional(),
});

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

/** Null for an anonymous caller, or when no authorizer ran (a route with auth 'none'). */
export function fromAuthorizerContext(context: unknown): Principal | null {
  const parsed = AuthorizerContextSchema.safeParse(context);
  if (!parsed.success) return null;
  const { principal, agencyId, officeId, regionCode } = parsed.data;
  if (principal === 'admin') return { kind: 'admin' };
  if (principal === 'office') return officeId && regionCode ? { kind: 'office', officeId, regionCode } : null;
  return principal === 'agency' && agencyId ? { kind: 'agency', agencyId } : null;
}

const ROUTE_AUTH: ReadonlyMap<string, RouteAuth> = new Map(app.routes.map((r) => [`${r.method} ${r.path}`, r.auth]));

/** The declared auth of an API Gateway route key (`POST /v1/reports`); an undeclared route admits no one. */
export function routeAuthOf(routeKey: string): RouteAuth | null {
  return ROUTE_AUTH.get(routeKey) ?? null;
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
