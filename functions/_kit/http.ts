/**
 * httpHandler(): every HTTP route's Lambda is middy's core with three small middlewares of our own — header
 * normalisation, the route's declared auth, one error mapping — around the route's `run`, a plain async
 * function from the parsed request to a reply. Only the core is loaded: it is a hundred lines, and the
 * node:stream modules it imports are the ones the SDK clients load anyway (its node:stream/web, for response
 * streaming that no route uses, is replaced in the bundles: `infra/lambda-bundling.ts`).
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithLambdaAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Principal } from '#shared/auth/principal.ts';
import { JSON_HEADERS } from './errors-to-http.ts';
import { errorToHttp } from './middleware/error-to-http.ts';
import { lowerCaseHeaders } from './middleware/lower-case-headers.ts';
import { admittedCaller, routeAuth } from './middleware/route-auth.ts';

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

export type HttpMiddyRequest = middy.Request<HttpEvent, HttpResult>;

/**
 * No early-timeout answer: a route that runs out of time ends as Lambda ends it, as it did before middy
 * (middy's timer would turn it into a 500 of our own).
 */
const NO_EARLY_TIMEOUT = { timeoutEarlyInMillis: 0 } as const;

export function httpHandler(run: (request: HttpRequest) => Promise<HttpReply>) {
  return middy<HttpEvent, HttpResult>(NO_EARLY_TIMEOUT)
    .use(lowerCaseHeaders())
    .use(routeAuth())
    .use(errorToHttp())
    .handler(async (event) => {
      const reply = await run({
        event,
        principal: admittedCaller(event),
        pathParameters: definedOnly(event.pathParameters),
        query: definedOnly(event.queryStringParameters),
        headers: definedOnly(event.headers),
      });
      return toResult(reply);
    });
}

function toResult(reply: HttpReply): HttpResult {
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
}

const HTML_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } as const;

function definedOnly(record: Readonly<Record<string, string | undefined>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
}
