import { describe, expect, it } from 'vitest';
import { createHandler } from '../../../functions/http/submit-report.ts';
import { filingWorld } from '../filing/filing-world.ts';
import { overriding } from '../filing/port-faults.ts';
import { respaced, SEED_TEXT, withArithmeticError } from '../filing/seed-report.ts';
import { ADMIN_CALLER, AGENCY_CALLER, ANONYMOUS_CALLER, call, httpEvent, OTHER_CALLER } from './http-event.ts';

const ROUTE = 'POST /v1/reports';
const TEXT = 'text/plain; charset=utf-8';

async function setup() {
  const ports = await filingWorld();
  return { ports, handler: createHandler(() => ports) };
}

describe('POST /v1/reports', () => {
  it('answers 201 with the receipt of an accepted report', async () => {
    const { handler } = await setup();
    const res = await call(handler, httpEvent(ROUTE, { principal: AGENCY_CALLER, body: SEED_TEXT, contentType: TEXT }));
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toMatchObject({
      status: 'accepted',
      agencyId: 'qujiang-trade-union',
      year: 2022,
      version: 1,
      findings: [],
    });
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 422 with the findings of a rejected report', async () => {
    const { handler } = await setup();
    const body = withArithmeticError(SEED_TEXT);
    const res = await call(handler, httpEvent(ROUTE, { principal: AGENCY_CALLER, body, contentType: TEXT }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toMatchObject({ status: 'rejected', findings: [{ code: 'H1' }, { code: 'H3' }] });
  });

  it('answers 200 with the first receipt when the same bytes come again', async () => {
    const { handler } = await setup();
    const event = httpEvent(ROUTE, { principal: AGENCY_CALLER, body: SEED_TEXT, contentType: TEXT });
    const first = await call(handler, event);
    const again = await call(handler, structuredClone(event));
    expect(again.statusCode).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('reads the file field of a multipart form, with its file name', async () => {
    const { ports, handler } = await setup();
    const res = await call(handler, multipartEvent('曲江总工会2022.txt', SEED_TEXT));
    expect(res.statusCode).toBe(201);
    const [stored] = ports.submissions.all();
    expect(stored?.original).toMatchObject({
      fileName: '曲江总工会2022.txt',
      contentType: 'text/plain; charset=utf-8',
    });
  });

  it('rejects runaway figures with 422 and their findings, in text and in canonical JSON, never rounding them', async () => {
    const { ports, handler } = await setup();
    const row = '一、本年新收政府信息公开申请数量';
    const at = SEED_TEXT.indexOf(row);
    const text =
      SEED_TEXT.slice(0, at) + SEED_TEXT.slice(at).replace(/\t\u00a0?0\u00a0?\n/, '\t99999999999999999999999999\n');
    const fromText = await call(handler, httpEvent(ROUTE, { principal: AGENCY_CALLER, body: text, contentType: TEXT }));
    expect(fromText.statusCode).toBe(422);
    expect(fromText.body.findings).toContainEqual(expect.objectContaining({ code: 'H5', severity: 'error' }));
    const dry = await call(
      handler,
      httpEvent(ROUTE, { principal: AGENCY_CALLER, body: SEED_TEXT, contentType: TEXT, query: { dryRun: 'true' } }),
    );
    const report = dry.body.report as { applications: { newReceived: Record<string, number> } };
    report.applications.newReceived.naturalPerson = 1e300;
    const json = JSON.stringify(report);
    const fromJson = await call(
      handler,
      httpEvent(ROUTE, { principal: AGENCY_CALLER, body: json, contentType: 'application/json' }),
    );
    expect(fromJson.statusCode).toBe(422);
    expect(fromJson.body.findings).toContainEqual(
      expect.objectContaining({ code: 'H5', paths: ['applications.newReceived.naturalPerson'], actual: 1e300 }),
    );
    expect(await ports.versions.latest('qujiang-trade-union', 2022)).toBeNull();
  });

  it('refuses a file name over 255 characters with 400, storing nothing', async () => {
    const { ports, handler } = await setup();
    for (const name of [`${'年'.repeat(256)}.txt`, `${'x'.repeat(500 * 1024)}.txt`]) {
      const res = await call(handler, multipartEvent(name, SEED_TEXT));
      expect(res.statusCode).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'INVALID_REQUEST', details: { maxFileNameChars: 255 } });
    }
    const query = { fileName: `${'x'.repeat(300)}.txt` };
    const plain = await call(
      handler,
      httpEvent(ROUTE, { principal: AGENCY_CALLER, body: SEED_TEXT, contentType: TEXT, query }),
    );
    expect([plain.statusCode, plain.body.error?.code]).toEqual([400, 'INVALID_REQUEST']);
    expect(ports.submissions.all()).toEqual([]);
    expect(ports.originals.keys()).toEqual([]);
  });

  it('dry-runs with ?dryRun=true: 200 with findings and the canonical report, nothing stored', async () => {
    const { ports, handler } = await setup();
    const res = await call(
      handler,
      httpEvent(ROUTE, { principal: AGENCY_CALLER, body: SEED_TEXT, contentType: TEXT, query: { dryRun: 'true' } }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, hasErrors: false, report: { year: 2022 } });
    expect(ports.submissions.all()).toEqual([]);
  });

  it('answers 409 AMENDMENT_REASON_REQUIRED for a second report without ?amendmentReason, and 201 with one', async () => {
    const { handler } = await setup();
    await call(handler, httpEvent(ROUTE, { principal: AGENCY_CALLER, body: SEED_TEXT, contentType: TEXT }));
    const body = respaced(SEED_TEXT, 2);
    const refused = await call(handler, httpEvent(ROUTE, { principal: AGENCY_CALLER, body, contentType: TEXT }));
    expect(refused.statusCode).toBe(409);
    expect(refused.body.error?.code).toBe('AMENDMENT_REASON_REQUIRED');
    const amended = await call(
      handler,
      httpEvent(ROUTE, { principal: AGENCY_CALLER, body, contentType: TEXT, query: { amendmentReason: '更正' } }),
    );
    expect(amended.statusCode).toBe(201);
    expect(amended.body.version).toBe(2);
  });

  it.each([
    ['no token', ANONYMOUS_CALLER, 401, 'UNAUTHENTICATED'],
    ['no authorizer context at all', null, 401, 'UNAUTHENTICATED'],
    ['an admin token', ADMIN_CALLER, 403, 'FORBIDDEN'],
    ["another agency's token", OTHER_CALLER, 403, 'AGENCY_MISMATCH'],
  ] as const)('refuses a caller with %s (%i %s)', async (_, principal, status, code) => {
    const { handler } = await setup();
    const res = await call(handler, httpEvent(ROUTE, { principal, body: SEED_TEXT, contentType: TEXT }));
    expect(res.statusCode).toBe(status);
    expect(res.body.error?.code).toBe(code);
  });

  it.each([
    ['an empty body', '', TEXT, 400, 'EMPTY_BODY'],
    ['a spreadsheet', 'a,b\n1,2', 'text/csv', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['no content type', SEED_TEXT, undefined, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'a form without a file field',
      '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n',
      'multipart/form-data; boundary=b',
      400,
      'INVALID_REQUEST',
    ],
    ['a sentence that is no report', '这不是年度报告。', TEXT, 422, undefined],
    ['malformed JSON', '{"schemaVersion": 1,', 'application/json', 422, 'INVALID_JSON'],
  ] as const)('answers %s with %i and a typed error body', async (_, body, contentType, status, code) => {
    const { ports, handler } = await setup();
    const res = await call(
      handler,
      httpEvent(ROUTE, { principal: AGENCY_CALLER, body, ...(contentType ? { contentType } : {}) }),
    );
    expect(res.statusCode).toBe(status);
    expect(res.body.error).toMatchObject({
      code: code ?? expect.stringMatching(/^[A-Z_]+$/),
      message: { zh: expect.any(String), en: expect.any(String) },
    });
    expect(ports.submissions.all()).toEqual([]);
  });

  it('answers 413 PAYLOAD_TOO_LARGE pointing at /v1/uploads for a body over 6 MB', async () => {
    const { handler } = await setup();
    const body = new Uint8Array(6 * 1024 * 1024 + 1);
    const res = await call(
      handler,
      httpEvent(ROUTE, { principal: AGENCY_CALLER, body, contentType: 'application/pdf' }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { uploadRoute: 'POST /v1/uploads' } });
  });

  it('answers a storage fault with a bare 500 INTERNAL_ERROR, never the cause', async () => {
    const ports = await filingWorld();
    const fire = () => () => Promise.reject(new Error('disk on fire at /var/db'));
    const broken = { ...ports, originals: overriding(ports.originals, 'putIfAbsent', fire) };
    const handler = createHandler(() => broken);
    const res = await call(handler, httpEvent(ROUTE, { principal: AGENCY_CALLER, body: SEED_TEXT, contentType: TEXT }));
    expect(res.statusCode).toBe(500);
    expect(res.body.error?.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(res.body)).not.toContain('disk on fire');
  });
});

function multipartEvent(fileName: string, text: string) {
  const boundary = '----gongkai7MA4YWxkTrZu0gW';
  const form = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    Buffer.from(text),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return httpEvent(ROUTE, {
    principal: AGENCY_CALLER,
    body: form,
    contentType: `multipart/form-data; boundary=${boundary}`,
  });
}
