import type { APIGatewayProxyEventV2, APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  buildAuthorizerEvent,
  buildHttpApiEvent,
  type GatewayRequest,
  gatewayTime,
  normalizeHeaders,
  parseQuery,
} from '../../../infra/local/api-event.ts';
import type { RouteMatch } from '../../../infra/local/route-table.ts';

const requestId = '0f0e0d0c-0b0a-4908-8706-050403020100';
const now = new Date('2026-03-12T19:03:58.250Z');
const match: RouteMatch = {
  route: { method: 'POST', path: '/v1/reports', fn: 'submitReport', auth: 'agency' },
  routeKey: 'POST /v1/reports',
  pathParameters: {},
};

function request(overrides: Partial<GatewayRequest> = {}): GatewayRequest {
  return {
    method: 'POST',
    target: '/v1/reports?dryRun=true&tag=a&tag=b',
    rawHeaders: [
      'Host',
      'localhost:3000',
      'Content-Type',
      'text/plain; charset=utf-8',
      'Authorization',
      'Bearer gk_abc',
      'User-Agent',
      'curl/8.5.0',
      'Cookie',
      'a=1; b=2',
      'X-Tag',
      'one',
      'x-tag',
      'two',
    ],
    body: Buffer.from('韶关市曲江区总工会2022年政府信息公开工作年度报告'),
    sourceIp: '127.0.0.1',
    requestId,
    now,
    ...overrides,
  };
}

describe('buildHttpApiEvent', () => {
  it('builds the payload 2.0 event field by field', () => {
    const event: APIGatewayProxyEventV2 = buildHttpApiEvent(request(), match);
    expect(event).toEqual({
      version: '2.0',
      routeKey: 'POST /v1/reports',
      rawPath: '/v1/reports',
      rawQueryString: 'dryRun=true&tag=a&tag=b',
      cookies: ['a=1', 'b=2'],
      headers: {
        host: 'localhost:3000',
        'content-type': 'text/plain; charset=utf-8',
        authorization: 'Bearer gk_abc',
        'user-agent': 'curl/8.5.0',
        'x-tag': 'one,two',
        'content-length': String(Buffer.byteLength('韶关市曲江区总工会2022年政府信息公开工作年度报告')),
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-port': '3000',
        'x-forwarded-proto': 'http',
        'x-amzn-trace-id': expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/),
      },
      queryStringParameters: { dryRun: 'true', tag: 'a,b' },
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: 'localhost:3000',
        domainPrefix: 'localhost:3000',
        http: {
          method: 'POST',
          path: '/v1/reports',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'curl/8.5.0',
        },
        requestId,
        routeKey: 'POST /v1/reports',
        stage: '$default',
        time: '12/Mar/2026:19:03:58 +0000',
        timeEpoch: now.getTime(),
      },
      body: '韶关市曲江区总工会2022年政府信息公开工作年度报告',
      isBase64Encoded: false,
    });
  });

  it('base64-encodes bodies whose content type is not text, and bodies without one', () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]);
    const asPdf = buildHttpApiEvent(request({ rawHeaders: ['Content-Type', 'application/pdf'], body: pdf }), match);
    expect(asPdf).toMatchObject({ body: pdf.toString('base64'), isBase64Encoded: true });
    const untyped = buildHttpApiEvent(request({ rawHeaders: [], body: pdf }), match);
    expect(untyped.isBase64Encoded).toBe(true);
    const json = buildHttpApiEvent(
      request({ rawHeaders: ['Content-Type', 'application/problem+json'], body: Buffer.from('{}') }),
      match,
    );
    expect(json).toMatchObject({ body: '{}', isBase64Encoded: false });
  });

  it('omits body, query, cookies and path parameters when the request has none', () => {
    const event = buildHttpApiEvent(
      request({ method: 'GET', target: '/health', rawHeaders: ['Host', 'h'], body: Buffer.alloc(0) }),
      {
        route: { method: 'GET', path: '/health', fn: 'health', auth: 'none' },
        routeKey: 'GET /health',
        pathParameters: {},
      },
    );
    expect(Object.keys(event).sort()).toEqual([
      'headers',
      'isBase64Encoded',
      'rawPath',
      'rawQueryString',
      'requestContext',
      'routeKey',
      'version',
    ]);
    expect(event.rawQueryString).toBe('');
  });

  it('passes decoded path parameters and the authorizer context under requestContext.authorizer.lambda', () => {
    const event = buildHttpApiEvent(
      request({ method: 'GET', target: '/v1/agencies/qujiang-trade-union/reports', body: Buffer.alloc(0) }),
      {
        route: { method: 'GET', path: '/v1/agencies/{agencyId}/reports', fn: 'list', auth: 'agencyOrAdmin' },
        routeKey: 'GET /v1/agencies/{agencyId}/reports',
        pathParameters: { agencyId: 'qujiang-trade-union' },
      },
      { principal: '{"kind":"agency","agencyId":"qujiang-trade-union"}' },
    );
    expect(event.pathParameters).toEqual({ agencyId: 'qujiang-trade-union' });
    expect(event.requestContext.authorizer).toEqual({
      lambda: { principal: '{"kind":"agency","agencyId":"qujiang-trade-union"}' },
    });
  });

  it('hands the handler a percent-decoded path, as HTTP APIs do', () => {
    const event = buildHttpApiEvent(request({ target: '/v1/reports/%E6%80%BB%E5%B7%A5%E4%BC%9A?q=%E5%B9%B4' }), match);
    expect(event.rawPath).toBe('/v1/reports/总工会');
    expect(event.rawQueryString).toBe('q=%E5%B9%B4');
    expect(event.queryStringParameters).toEqual({ q: '年' });
  });
});

describe('buildAuthorizerEvent', () => {
  it('builds the payload 2.0 REQUEST authorizer event with the route ARN and identity source', () => {
    const event: APIGatewayRequestAuthorizerEventV2 = buildAuthorizerEvent(request(), match);
    expect(event).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      routeArn: 'arn:aws:execute-api:us-east-1:000000000000:local/$default/POST/v1/reports',
      identitySource: ['Bearer gk_abc'],
      routeKey: 'POST /v1/reports',
      rawPath: '/v1/reports',
      cookies: ['a=1', 'b=2'],
      requestContext: { requestId, routeKey: 'POST /v1/reports', stage: '$default' },
    });
    expect(event).not.toHaveProperty('body');
  });

  it('runs without an Authorization header (no identity source), leaving identitySource empty', () => {
    expect(buildAuthorizerEvent(request({ rawHeaders: [] }), match).identitySource).toEqual([]);
  });
});

describe('header and query helpers', () => {
  it('joins repeated headers and splits cookies out', () => {
    expect(normalizeHeaders(['Accept', 'a', 'ACCEPT', 'b', 'Cookie', 'x=1', 'cookie', 'y=2'])).toEqual({
      headers: { accept: 'a,b' },
      cookies: ['x=1', 'y=2'],
    });
  });

  it('has no query parameters for an empty query string', () => {
    expect(parseQuery('')).toBeUndefined();
    expect(parseQuery('a=1&a=2&b=%20')).toEqual({ a: '1,2', b: ' ' });
  });

  it('formats the request time as API Gateway does', () => {
    expect(gatewayTime(new Date('2026-01-05T03:04:05Z'))).toBe('05/Jan/2026:03:04:05 +0000');
  });
});
