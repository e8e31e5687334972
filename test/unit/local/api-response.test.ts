import { describe, expect, it } from 'vitest';
import { GATEWAY_ERRORS, toGatewayResponse } from '../../../infra/local/api-response.ts';

describe('toGatewayResponse', () => {
  it('maps a structured result: status, lower-cased headers, cookies and body', () => {
    const response = toGatewayResponse({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', 'X-Count': 3, 'X-Flag': true },
      cookies: ['session=1; HttpOnly'],
      body: '{"ok":true}',
    });
    expect(response).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/json', 'x-count': '3', 'x-flag': 'true' },
      cookies: ['session=1; HttpOnly'],
      body: Buffer.from('{"ok":true}'),
    });
  });

  it('decodes a base64 body', () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff]);
    expect(toGatewayResponse({ statusCode: 200, body: bytes.toString('base64'), isBase64Encoded: true }).body).toEqual(
      bytes,
    );
  });

  it('serves any other JSON value as a 200 application/json body, as payload 2.0 infers', () => {
    expect(toGatewayResponse({ hello: '世界' })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from('{"hello":"世界"}'),
    });
    expect(toGatewayResponse('plain').body.toString()).toBe('plain');
  });

  it('defaults a structured result without headers or body to an empty 200-style reply', () => {
    expect(toGatewayResponse({ statusCode: 204 })).toEqual({
      statusCode: 204,
      headers: {},
      cookies: [],
      body: Buffer.alloc(0),
    });
  });
});

describe('GATEWAY_ERRORS', () => {
  it('uses the API error body shape with Chinese and English messages', () => {
    const notFound = GATEWAY_ERRORS.notFound();
    expect(notFound.statusCode).toBe(404);
    expect(JSON.parse(notFound.body.toString())).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: { zh: expect.any(String), en: expect.any(String) } },
    });
    expect(GATEWAY_ERRORS.payloadTooLarge().statusCode).toBe(413);
    expect(JSON.parse(GATEWAY_ERRORS.payloadTooLarge().body.toString()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
