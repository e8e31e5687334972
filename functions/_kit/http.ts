/**
 * httpHandler(): every HTTP route's Lambda is middy + header normalisation + the route's declared auth +
 * one error mapping. The route's `run` is a plain async function from the parsed request to a reply.
 */
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
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
  return middy<HttpEvent, HttpResult>()
    .use(httpHeaderNormalizer())
    .use({ onError: mapError })
    .handler(async (event) => {
      const principal = fromAuthorizerContext(event.requestContext.authorizer?.lambda);
      enforceRouteAuth(routeAuthOf(event.routeKey), principal);
      const reply = await run({
        event,
        principal,
        pathParameters: definedOnly(event.pathParameters),
        query: definedOnly(event.queryStringParameters),
        headers: definedOnly(event.headers),
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
    });
}

const HTML_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } as const;

function mapError(request: middy.Request<HttpEvent, HttpResult>): HttpResult {
  const error = request.error;
  const status = statusOf(error);
  const where = { routeKey: request.event.routeKey, requestId: request.event.requestContext?.requestId };
  if (status === null || status >= 500) logger.error('request failed', { ...where, error: error as Error });
  else logger.info('request refused', { ...where, status, code: (error as { code?: string }).code });
  return toErrorResponse(error);
}

function definedOnly(record: Readonly<Record<string, string | undefined>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
}
