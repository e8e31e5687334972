/**
 * httpHandler(): every HTTP route's Lambda is header normalisation + the route's declared auth + one error
 * mapping. The route's `run` is a plain async function from the parsed request to a reply. Three steps need
 * no middleware engine: written out here they cost every cold start nothing (middy and its normaliser
 * loaded Node's stream modules at start for features no route uses).
 */
import type { APIGatewayProxyEventV2WithLambdaAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Principal } from '#shared/auth/principal.ts';
import { JSON_HEADERS, statusOf, toErrorResponse } from './errors-to-http.ts';
import { logger } from './logger.ts';
import { enforceRouteAuth, fromAuthorizerContext, routeAuthOf } from './principal.ts';

export type HttpEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<unknown>;
export type HttpResult = APIGatewayProxyStructuredResultV2;

export interface HttpRequest {
  readonly event: HttpEvent;
  /** Null for anonymous callers (only on routes whose auth is 'none'). */
  readonly principal: Principal | null;
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface HttpReply {
  readonly status: number;
  readonly body: unknown;
  /** Served as `text/html` instead of the JSON body (sign-in answers to forms posted without JavaScript). */
  readonly html?: string;
  /** Set-Cookie values (payload 2.0 `cookies`). */
  readonly cookies?: readonly string[];
  readonly location?: string;
}

export function httpHandler(run: (request: HttpRequest) => Promise<HttpReply>) {
  return async (event: HttpEvent): Promise<HttpResult> => {
    try {
      const headers = lowerCasedHeaders(event.headers);
      const principal = fromAuthorizerContext(event.requestContext.authorizer?.lambda);
      enforceRouteAuth(routeAuthOf(event.routeKey), principal);
      const reply = await run({
        event: { ...event, headers },
        principal,
        pathParameters: definedOnly(event.pathParameters),
        query: definedOnly(event.queryStringParameters),
        headers: definedOnly(headers),
      });
      return {
        statusCode: reply.status,
        headers: {
          ...(reply.html === undefined ? JSON_HEADERS : HTML_HEADERS),
          ...(reply.location === undefined ? {} : { location: reply.location }),
          ...(reply.cookies === undefined ? {} : { 'cache-control': 'no-store' }),
        },
        ...(reply.cookies === undefined ? {} : { cookies: [...reply.cookies] }),
        body: reply.html ?? JSON.stringify(reply.body),
      };
    } catch (error) {
      return mapError(event, error);
    }
  };
}

const HTML_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } as const;

/** API Gateway v2 already lower-cases header names; other callers (the local gateway, tests) may not. */
function lowerCasedHeaders(headers: HttpEvent['headers']): HttpEvent['headers'] {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}

function mapError(event: HttpEvent, error: unknown): HttpResult {
  const status = statusOf(error);
  const where = { routeKey: event.routeKey, requestId: event.requestContext?.requestId };
  if (status === null || status >= 500) logger.error('request failed', { ...where, error: error as Error });
  else logger.info('request refused', { ...where, status, code: (error as { code?: string }).code });
  return toErrorResponse(error);
}

function definedOnly(record: Readonly<Record<string, string | undefined>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
}
