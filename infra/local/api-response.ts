/**
 * How an HTTP API (payload 2.0) turns a Lambda result into a response, and the gateway's own
 * error replies (unknown route, authorizer refusal, oversized payload, failed function). The
 * declared authorizer has no identity source, so API Gateway never answers 401 itself: a missing
 * token reaches the authorizer and the route's handler refuses it with the API's own body.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export interface GatewayResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
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

/** The API's error body shape, `{"error":{"code","message":{zh,en}}}`, for replies the gateway makes itself. */
export function gatewayError(statusCode: number, code: string, message: LocalizedText): GatewayResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    cookies: [],
    body: Buffer.from(JSON.stringify({ error: { code, message } })),
  };
}

export const GATEWAY_ERRORS = {
  notFound: () =>
    gatewayError(404, 'NOT_FOUND', { zh: '没有这个接口。', en: 'No route matches this method and path.' }),
  forbidden: () =>
    gatewayError(403, 'FORBIDDEN', { zh: '无权访问此接口。', en: 'The authorizer refused this request.' }),
  payloadTooLarge: () =>
    gatewayError(413, 'PAYLOAD_TOO_LARGE', {
      zh: '请求过大（上限 6 MB），请改用上传页面。',
      en: 'The request exceeds the 6 MB limit; use the upload page instead.',
    }),
  internal: () => gatewayError(500, 'INTERNAL_ERROR', { zh: '服务器内部错误。', en: 'Internal server error.' }),
};

function isStructured(result: unknown): result is APIGatewayProxyStructuredResultV2 {
  return typeof result === 'object' && result !== null && 'statusCode' in result;
}
