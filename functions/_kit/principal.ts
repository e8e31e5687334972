/**
 * The principal travels from the authorizer to the route handler in the authorizer's context (flat
 * strings, which every API Gateway context accepts). The handler then enforces the route's declared auth.
 */
import { z } from 'zod';
import { app } from '#infra/app.ts';
import type { RouteAuth } from '#infra/declaration.ts';
import type { Principal } from '#shared/auth/principal.ts';
import { forbidden, unauthenticated } from '#shared/filing/errors.ts';

export type AuthorizerContext = { readonly principal: 'agency' | 'admin' | 'anonymous'; readonly agencyId?: string };

const AuthorizerContextSchema = z.object({
  principal: z.enum(['agency', 'admin', 'anonymous']),
  agencyId: z.string().min(1).optional(),
});

export function toAuthorizerContext(principal: Principal | null): AuthorizerContext {
  if (!principal) return { principal: 'anonymous' };
  return principal.kind === 'agency' ? { principal: 'agency', agencyId: principal.agencyId } : { principal: 'admin' };
}

/** Null for an anonymous caller, or when no authorizer ran (a route with auth 'none'). */
export function fromAuthorizerContext(context: unknown): Principal | null {
  const parsed = AuthorizerContextSchema.safeParse(context);
  if (!parsed.success) return null;
  const { principal, agencyId } = parsed.data;
  if (principal === 'admin') return { kind: 'admin' };
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
    auth === 'agencyOrAdmin' ||
    (auth === 'agency' && principal.kind === 'agency') ||
    (auth === 'admin' && principal.kind === 'admin');
  if (!allowed) throw forbidden();
}

/** The calling agency's id on an agency route (the route's auth already admitted only agencies). */
export function callingAgency(principal: Principal | null): string {
  if (principal?.kind !== 'agency') throw forbidden();
  return principal.agencyId;
}

/** The caller on a route that admits only callers with a token. */
export function authenticatedCaller(principal: Principal | null): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}
