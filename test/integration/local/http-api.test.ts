/** The runner's HTTP API on a small declaration: exact v2 events, the authorizer, gateway errors, static files, restarts. */
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSystem, startLocal } from '../../../infra/local/runner.ts';
import { headerLines, ORIGINAL_SECURITY_HEADERS, pageSecurityHeaders } from '../../../infra/security-headers.ts';
import { testApp } from './fixtures/test-app.ts';

let home: string;
let local: LocalSystem;

const start = () => startLocal({ app: testApp, home, port: 0, quiet: true, retryBaseMs: 1, runSchedules: false });

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'gongkai-runner-'));
  local = await start();
});
afterAll(async () => {
  await local?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('the HTTP API', () => {
  it('hands the handler an API Gateway v2 event and maps its result back', async () => {
    const response = await fetch(`${local.url}/echo/总工会?year=2022`, { headers: { cookie: 'a=1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-function')).toBe('echo');
    expect(response.headers.get('set-cookie')).toBe('seen=1; Path=/');
    const { event, remainingMs } = (await response.json()) as { event: Record<string, unknown>; remainingMs: number };
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /echo/{id}',
      rawPath: '/echo/总工会',
      rawQueryString: 'year=2022',
      cookies: ['a=1'],
      queryStringParameters: { year: '2022' },
      pathParameters: { id: '总工会' },
      requestContext: { http: { method: 'GET', path: '/echo/总工会', sourceIp: '127.0.0.1' }, stage: '$default' },
      isBase64Encoded: false,
    });
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(remainingMs).toBeGreaterThan(0);
  });

  it('runs the authorizer first and passes its context to the handler', async () => {
    const response = await fetch(`${local.url}/echo/1`, {
      method: 'POST',
      headers: { authorization: 'Bearer gk.t1.secret', 'content-type': 'application/pdf' },
      body: Buffer.from([0x25, 0x50, 0x44, 0x46]),
    });
    const { event } = (await response.json()) as { event: Record<string, unknown> };
    expect(event).toMatchObject({
      requestContext: { authorizer: { lambda: { token: 'gk.t1.secret', routeKey: 'POST /echo/{id}' } } },
      body: 'JVBERg==',
      isBase64Encoded: true,
    });
  });

  it('answers 403 when the authorizer refuses', async () => {
    const response = await fetch(`${local.url}/echo/1`, { method: 'POST', headers: { authorization: 'Bearer deny' } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('answers an unknown route with a 404 in the API error shape', async () => {
    const response = await fetch(`${local.url}/v1/nowhere`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: { zh: expect.any(String), en: expect.any(String) } },
    });
  });

  it('answers 500 in the API error shape when the handler throws', async () => {
    const response = await fetch(`${local.url}/crash`);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INTERNAL_ERROR');
  });

  it('refuses a body over Lambda’s 6 MB payload limit with 413', async () => {
    const response = await fetch(`${local.url}/echo/1`, {
      method: 'POST',
      headers: { authorization: 'Bearer ok', 'content-type': 'text/plain' },
      body: 'x'.repeat(6 * 1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves the public site bucket at / next to the API', async () => {
    const s3 = new S3Client({ forcePathStyle: true });
    await s3.send(
      new PutObjectCommand({
        Bucket: local.env.SITE_BUCKET_NAME,
        Key: 'index.html',
        Body: '<h1>政府信息公开年度报告</h1>',
        ContentType: 'text/html; charset=utf-8',
      }),
    );
    const response = await fetch(`${local.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<h1>政府信息公开年度报告</h1>');
    expect((await fetch(`${local.url}/missing.html`)).status).toBe(404);
  });

  it("sends CloudFront's security headers with every answer, from the same declaration", async () => {
    const expected = headerLines(pageSecurityHeaders([new URL(local.endpoints.s3).origin]));
    for (const response of [await fetch(`${local.url}/`), await fetch(`${local.url}/v1/nowhere`, { method: 'POST' })]) {
      for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name)).toBe(value);
    }
  });

  it('serves filed originals as sandboxed downloads, however their path is spelled', async () => {
    const s3 = new S3Client({ forcePathStyle: true });
    await s3.send(
      new PutObjectCommand({
        Bucket: local.env.SITE_BUCKET_NAME,
        Key: 'reports/a/2022/original.html',
        Body: '<script>sessionStorage.clear()</script>',
        ContentType: 'text/html; charset=utf-8',
        ContentDisposition: 'attachment',
      }),
    );
    const response = await fetch(`${local.url}/reports/a/2022/original.html`);
    expect(response.status).toBe(200);
    for (const [name, value] of Object.entries(headerLines(ORIGINAL_SECURITY_HEADERS))) {
      expect(response.headers.get(name)).toBe(value);
    }
    expect(response.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    const encoded = await fetch(`${local.url}/reports/a/2022/original%2Ehtml`);
    expect(encoded.status).toBe(200);
    expect(encoded.headers.get('content-disposition')).toBe('attachment');
    expect(encoded.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers headers over the size limit with 431 and a malformed request with 400, in the API error shape', async () => {
    const huge = await fetch(`${local.url}/health`, { headers: { 'x-padding': 'x'.repeat(64 * 1024) } });
    expect(huge.status).toBe(431);
    expect(huge.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await huge.json()).toEqual({
      error: { code: 'HEADERS_TOO_LARGE', message: { zh: expect.any(String), en: expect.any(String) } },
    });
    const reply = await rawRequest(local.url, 'GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'INVALID_REQUEST' },
    });
  });
});

/** Sends bytes no HTTP client would, and reads the whole reply. */
function rawRequest(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

describe('restarting', () => {
  it('keeps the data when started again on the same home', async () => {
    await fetch(`${local.url}/records`, {
      method: 'POST',
      headers: { authorization: 'Bearer ok', 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'kept' }),
    });
    await local.waitForIdle();
    await local.stop();
    local = await start();
    const response = await fetch(`${local.url}/records/kept`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ pk: 'record', sk: 'kept' });
  });

  it('refuses a second system in the same process', async () => {
    await expect(start()).rejects.toThrow(/already running/);
  });
});
