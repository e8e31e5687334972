/**
 * How an HTTP API (payload 2.0) turns a Lambda result into a response, and the gateway's own
 * error replies (unknown route, authorizer refusal, oversized payload, failed function). The
 * declared authorizer has no identity source, so API Gateway never answers 401 itself: a missing
 * token reaches the authorizer and the route's handler refuses it with the API's own body.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  errorResponse,
  internalErrorResponse,
  payloadTooLargeResponse,
  routeNotFoundResponse,
} from '#kit/errors-to-http.ts';

export interface GatewayResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

/**
 * Payload 2.0 accepts a structured result (has `statusCode`) or any other JSON value, which it
 * serves as a 200 `application/json` body — a bare string is sent as is.
 */
export function toGatewayResponse(result: unknown): GatewayResponse {
  if (isStructured(result)) {
    const headers = Object.fromEntries(
      Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
    const text = result.body ?? '';
    return {
      statusCode: result.statusCode ?? 200,
      headers,
      cookies: result.cookies ?? [],
      body: result.isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
    };
  }
  const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(body) };
}

/**
 * Replies the gateway makes itself, in the API's own error shape: the bodies come from the HTTP kit
 * the handlers use (`{"error":{"code","message":{zh,en}}}`), so a client cannot tell who answered.
 */
export const GATEWAY_ERRORS = {
  notFound: () => toGatewayResponse(routeNotFoundResponse()),
  forbidden: () =>
    toGatewayResponse(
      errorResponse(403, 'FORBIDDEN', { zh: '无权访问此接口', en: 'The authorizer refused this request' }),
    ),
  payloadTooLarge: () => toGatewayResponse(payloadTooLargeResponse()),
  headersTooLarge: () =>
    toGatewayResponse(
      errorResponse(431, 'HEADERS_TOO_LARGE', {
        zh: '请求头过大',
        en: 'The request headers are too large',
      }),
    ),
  badRequest: () =>
    toGatewayResponse(
      errorResponse(400, 'INVALID_REQUEST', { zh: '请求格式错误', en: 'The request is not well-formed HTTP' }),
    ),
  internal: () => toGatewayResponse(internalErrorResponse()),
};

function isStructured(result: unknown): result is APIGatewayProxyStructuredResultV2 {
  return typeof result === 'object' && result !== null && 'statusCode' in result;
}
