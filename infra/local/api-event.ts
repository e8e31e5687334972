/**
 * Pure builders of the events an HTTP API (payload format 2.0) hands to Lambda: the route's event
 * and the Lambda authorizer's REQUEST event. Field by field as API Gateway fills them, so a
 * handler cannot tell this machine from AWS.
 */
import type {
  APIGatewayEventRequestContextV2,
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayRequestAuthorizerEventV2,
} from 'aws-lambda';
import { LOCAL_ACCOUNT_ID, LOCAL_API_ID, LOCAL_REGION } from './local-aws.ts';
import type { RouteMatch } from './route-table.ts';

/** What the server knows about one request before any route is chosen. */
export interface GatewayRequest {
  readonly method: string;
  /** The request target as received: path plus optional `?query`, still percent-encoded. */
  readonly target: string;
  /** Node's rawHeaders: name, value, name, value … */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly requestId: string;
  readonly now: Date;
}

export type AuthorizerContext = Record<string, unknown>;
export type HttpApiEvent = APIGatewayProxyEventV2WithLambdaAuthorizer<AuthorizerContext>;

/** HTTP APIs pass these bodies as text; every other (or a missing) content type arrives base64-encoded. */
const TEXT_CONTENT_TYPE = /^(text\/|application\/(json|xml|javascript)\b|[^;]*\+(json|xml)\b)/i;

export function buildHttpApiEvent(
  request: GatewayRequest,
  match: RouteMatch,
  authorizer?: AuthorizerContext,
): HttpApiEvent {
  const base = commonFields(request, match);
  const body = encodeBody(request.body, base.headers['content-type']);
  const context = requestContext(request, match.routeKey, base.headers);
  return {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath: base.rawPath,
    rawQueryString: base.rawQueryString,
    ...(base.cookies.length > 0 ? { cookies: base.cookies } : {}),
    headers: base.headers,
    ...(base.query ? { queryStringParameters: base.query } : {}),
    requestContext: authorizer
      ? { ...context, authorizer: { lambda: authorizer } }
      : (context as HttpApiEvent['requestContext']),
    ...(Object.keys(match.pathParameters).length > 0 ? { pathParameters: { ...match.pathParameters } } : {}),
    ...body,
  };
}

/** The REQUEST event a payload-2.0 Lambda authorizer receives; its identity source is the Authorization header. */
export function buildAuthorizerEvent(request: GatewayRequest, match: RouteMatch): APIGatewayRequestAuthorizerEventV2 {
  const base = commonFields(request, match);
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${LOCAL_API_ID}/$default/${request.method}${base.rawPath}`,
    identitySource: base.headers.authorization ? [base.headers.authorization] : [],
    routeKey: match.routeKey,
    rawPath: base.rawPath,
    rawQueryString: base.rawQueryString,
    cookies: base.cookies,
    headers: base.headers,
    ...(base.query ? { queryStringParameters: base.query } : {}),
    requestContext: requestContext(request, match.routeKey, base.headers),
    ...(Object.keys(match.pathParameters).length > 0 ? { pathParameters: { ...match.pathParameters } } : {}),
  };
}

/** Lower-cased names; repeated headers joined with commas; cookies moved to their own list (payload 2.0). */
export function normalizeHeaders(rawHeaders: readonly string[]): {
  headers: Record<string, string>;
  cookies: string[];
} {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const value = rawHeaders[i + 1] ?? '';
    if (name === 'cookie') cookies.push(...value.split(/;\s*/).filter((c) => c !== ''));
    else headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return { headers, cookies };
}

/** Decoded query values, repeated keys joined with commas; undefined when there is no query. */
export function parseQuery(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    query[key] = key in query ? `${query[key]},${value}` : value;
  }
  return query;
}

/** HTTP APIs hand Lambda the percent-decoded path (for rawPath too); an undecodable path stays as sent. */
export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** API Gateway's `time`: `12/Mar/2020:19:03:58 +0000`. */
export function gatewayTime(date: Date): string {
  const [, day, month, year, time] = /^\w+, (\d+) (\w+) (\d+) ([\d:]+)/.exec(date.toUTCString()) ?? [];
  return `${day}/${month}/${year}:${time} +0000`;
}

function commonFields(request: GatewayRequest, match: RouteMatch) {
  const queryAt = request.target.indexOf('?');
  const rawQueryString = queryAt === -1 ? '' : request.target.slice(queryAt + 1);
  const rawPath = decodePath(queryAt === -1 ? request.target : request.target.slice(0, queryAt));
  const { headers, cookies } = normalizeHeaders(request.rawHeaders);
  const port = (headers.host ?? '').split(':')[1] ?? '80';
  Object.assign(headers, {
    'x-forwarded-for': request.sourceIp,
    'x-forwarded-port': port,
    'x-forwarded-proto': 'http',
    'x-amzn-trace-id': traceId(request),
  });
  if (request.body.length > 0) headers['content-length'] = String(request.body.length);
  return { rawPath, rawQueryString, headers, cookies, query: parseQuery(rawQueryString), match };
}

function requestContext(
  request: GatewayRequest,
  routeKey: string,
  headers: Readonly<Record<string, string>>,
): APIGatewayEventRequestContextV2 {
  const domainName = headers.host ?? 'localhost';
  const queryAt = request.target.indexOf('?');
  return {
    accountId: LOCAL_ACCOUNT_ID,
    apiId: LOCAL_API_ID,
    domainName,
    domainPrefix: domainName.split('.')[0] ?? domainName,
    http: {
      method: request.method,
      path: decodePath(queryAt === -1 ? request.target : request.target.slice(0, queryAt)),
      protocol: 'HTTP/1.1',
      sourceIp: request.sourceIp,
      userAgent: headers['user-agent'] ?? '',
    },
    requestId: request.requestId,
    routeKey,
    stage: '$default',
    time: gatewayTime(request.now),
    timeEpoch: request.now.getTime(),
  };
}

function encodeBody(body: Buffer, contentType: string | undefined): { body?: string; isBase64Encoded: boolean } {
  if (body.length === 0) return { isBase64Encoded: false };
  if (contentType && TEXT_CONTENT_TYPE.test(contentType))
    return { body: body.toString('utf8'), isBase64Encoded: false };
  return { body: body.toString('base64'), isBase64Encoded: true };
}

function traceId(request: GatewayRequest): string {
  const seconds = Math.floor(request.now.getTime() / 1000).toString(16);
  return `Root=1-${seconds}-${request.requestId.replaceAll('-', '').slice(0, 24)}`;
}
