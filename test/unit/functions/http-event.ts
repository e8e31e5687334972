/** API Gateway HTTP API (payload 2.0) events as the gateway hands them to a route's Lambda. */
import type { Context } from 'aws-lambda';
import { app } from '#infra/app.ts';
import { ROUTE_AUTH_ENV } from '#infra/declaration.ts';
import type { HttpEvent } from '#kit/http.ts';
import type { AuthorizerContext } from '#kit/principal.ts';

// A handler called here runs outside any function's environment, so it reads the process's: give it every
// route's declared auth, as each deployed function gets its own routes'.
process.env[ROUTE_AUTH_ENV] ??= JSON.stringify(
  Object.fromEntries(app.routes.map((route) => [`${route.method} ${route.path}`, route.auth])),
);

export interface EventOptions {
  readonly principal?: AuthorizerContext | null;
  readonly body?: string | Uint8Array;
  readonly contentType?: string;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly pathParameters?: Record<string, string>;
}

export const AGENCY_CALLER: AuthorizerContext = { principal: 'agency', agencyId: 'qujiang-trade-union' };
export const OTHER_CALLER: AuthorizerContext = { principal: 'agency', agencyId: 'qujiang-education-bureau' };
export const ADMIN_CALLER: AuthorizerContext = { principal: 'admin' };
export const ANONYMOUS_CALLER: AuthorizerContext = { principal: 'anonymous' };

/** Text types arrive as text; anything else (as API Gateway does) base64-encoded. */
export function httpEvent(routeKey: string, options: EventOptions = {}): HttpEvent {
  const [method = 'GET', pathTemplate = '/'] = routeKey.split(' ');
  const path = pathTemplate.replace(/\{(\w+)\}/g, (_, name: string) => options.pathParameters?.[name] ?? name);
  const query = options.query ?? {};
  const rawQueryString = new URLSearchParams(query).toString();
  const bytes = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : Buffer.from(options.body ?? []);
  const isText = /^(text\/|application\/json)/.test(options.contentType ?? '');
  const headers: Record<string, string> = {
    host: 'api.gongkai.example',
    'user-agent': 'curl/8.5.0',
    ...(options.contentType ? { 'content-type': options.contentType } : {}),
    ...(bytes.length > 0 ? { 'content-length': String(bytes.length) } : {}),
    ...options.headers,
  };
  const requestContext = {
    accountId: '111122223333',
    apiId: 'a1b2c3d4e5',
    domainName: 'api.gongkai.example',
    domainPrefix: 'api',
    http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.15', userAgent: 'curl/8.5.0' },
    requestId: 'JKJaXmPLvHcESHA=',
    routeKey,
    stage: '$default',
    time: '06/Jan/2023:02:15:30 +0000',
    timeEpoch: 1672971330000,
    ...(options.principal ? { authorizer: { lambda: options.principal } } : {}),
  };
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString,
    headers,
    ...(rawQueryString ? { queryStringParameters: query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: requestContext as HttpEvent['requestContext'],
    ...(bytes.length > 0
      ? { body: isText ? bytes.toString('utf8') : bytes.toString('base64'), isBase64Encoded: !isText }
      : { isBase64Encoded: false }),
  };
}

export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'gongkai-test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:cn-north-1:111122223333:function:gongkai-test',
  memoryLimitInMB: '1024',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/gongkai-test',
  logStreamName: '2023/01/06/[$LATEST]abc',
  getRemainingTimeInMillis: () => 29_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
} satisfies Context;

export interface JsonResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown> & { error?: { code: string; message: { zh: string; en: string } } };
}

/** Runs a handler and parses its JSON body, failing the test if the result is not a structured response. */
export async function call(
  handler: (event: HttpEvent, context: Context) => Promise<unknown>,
  event: HttpEvent,
): Promise<JsonResponse> {
  const result = (await handler(event, lambdaContext)) as {
    statusCode: number;
    headers: Record<string, string>;
    body: string;
  };
  return { statusCode: result.statusCode, headers: result.headers, body: JSON.parse(result.body) };
}
