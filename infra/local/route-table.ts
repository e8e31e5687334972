/**
 * Route selection as API Gateway HTTP APIs do it: `{param}` matches one segment, `{param+}` the
 * rest of the path, and the most specific route wins (literal segments before parameters, greedy
 * last), whatever order the declaration lists them in.
 */
import type { RouteDecl } from '../declaration.ts';

export interface CompiledRoute {
  readonly route: RouteDecl<string>;
  readonly routeKey: string;
  readonly segments: readonly Segment[];
}

type Segment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

export interface RouteMatch {
  readonly route: RouteDecl<string>;
  readonly routeKey: string;
  readonly pathParameters: Readonly<Record<string, string>>;
}

export function compileRoutes(routes: readonly RouteDecl<string>[]): CompiledRoute[] {
  const compiled = routes.map((route) => ({
    route,
    routeKey: `${route.method} ${route.path}`,
    segments: splitPath(route.path).map(toSegment),
  }));
  return compiled.sort((a, b) => specificity(b) - specificity(a));
}

/** Matches a decoded request path against the routes of the request's method. */
export function matchRoute(table: readonly CompiledRoute[], method: string, path: string): RouteMatch | undefined {
  const parts = splitPath(path);
  for (const candidate of table) {
    if (candidate.route.method !== method) continue;
    const pathParameters = matchSegments(candidate.segments, parts);
    if (pathParameters) return { route: candidate.route, routeKey: candidate.routeKey, pathParameters };
  }
  return undefined;
}

function matchSegments(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    if (segment.kind === 'greedy') {
      if (index >= parts.length) return undefined;
      params[segment.name] = parts.slice(index).join('/');
      return params;
    }
    const part = parts[index];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal' && segment.value !== part) return undefined;
    if (segment.kind === 'param') params[segment.name] = part;
  }
  return segments.length === parts.length ? params : undefined;
}

function toSegment(part: string): Segment {
  const param = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(part);
  if (!param?.[1]) return { kind: 'literal', value: part };
  return param[2] ? { kind: 'greedy', name: param[1] } : { kind: 'param', name: param[1] };
}

function specificity(route: CompiledRoute): number {
  const literals = route.segments.filter((s) => s.kind === 'literal').length;
  const greedy = route.segments.some((s) => s.kind === 'greedy');
  return (greedy ? 0 : 1_000) + literals * 10 + route.segments.length;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}
