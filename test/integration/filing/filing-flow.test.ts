import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofYear, respaced, SEED_TEXT, withArithmeticError } from '../../unit/filing/seed-report.ts';
import { eventually, type LocalApi, startLocalApi } from './local-api.ts';
import { postUpload } from './presigned-post.ts';

const A = 'qujiang-trade-union';
const TEXT = 'text/plain; charset=utf-8';

let api: LocalApi;
let token: string | undefined;
beforeAll(async () => {
  api = await startLocalApi();
  token = api.system.demoTokens[A];
});
afterAll(() => api.stop());

const versionsOfA = async () => {
  const res = await api.request('GET', `/v1/agencies/${A}/reports`, { token });
  return (res.body.versions as { year: number; version: number }[]).map((v) => `${v.year}v${v.version}`);
};

describe('filing through the local API', () => {
  it('files, replays, refuses an amendment without a reason, then amends', async () => {
    const filed = await api.request('POST', '/v1/reports', {
      token,
      body: SEED_TEXT,
      contentType: TEXT,
      headers: { 'idempotency-key': 'flow-1' },
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'accepted', agencyId: A, year: 2022, version: 1, findings: [] });

    const polled = await api.request('GET', `/v1/submissions/${String(filed.body.submissionId)}`, { token });
    expect(polled.body).toEqual(filed.body);
    const sameBytes = await api.request('POST', '/v1/reports', { token, body: SEED_TEXT, contentType: TEXT });
    expect([sameBytes.status, sameBytes.body]).toEqual([200, filed.body]);
    const sameKey = await api.request('POST', '/v1/reports', {
      token,
      body: respaced(SEED_TEXT, 9),
      contentType: TEXT,
      headers: { 'idempotency-key': 'flow-1' },
    });
    expect([sameKey.status, sameKey.body.error?.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);

    const noReason = await api.request('POST', '/v1/reports', {
      token,
      body: respaced(SEED_TEXT, 1),
      contentType: TEXT,
    });
    expect([noReason.status, noReason.body.error?.code]).toEqual([409, 'AMENDMENT_REASON_REQUIRED']);
    const amended = await api.request('POST', `/v1/reports?amendmentReason=${encodeURIComponent('更正错字')}`, {
      token,
      body: respaced(SEED_TEXT, 1),
      contentType: TEXT,
    });
    expect(amended.body).toMatchObject({ status: 'accepted', version: 2, amendmentReason: '更正错字' });
    expect(await versionsOfA()).toEqual(['2022v1', '2022v2']);
  });

  it('refuses GBK bytes sent as a text body, and keeps them byte for byte when sent as a file', async () => {
    const gbk = new Uint8Array(iconv.encode(ofYear(SEED_TEXT, 2018), 'gb18030'));
    const asText = await api.request('POST', '/v1/reports', { token, body: gbk, contentType: 'text/plain' });
    expect([asText.status, asText.body.error?.code]).toEqual([400, 'INVALID_UTF8']);
    const form = new FormData();
    form.append('file', new Blob([gbk], { type: 'text/plain' }), '2018年报.txt');
    const asFile = await api.request('POST', '/v1/reports', { token, body: form });
    expect(asFile.status).toBe(201);
    expect(asFile.body).toMatchObject({
      year: 2018,
      sha256: createHash('sha256').update(gbk).digest('hex'),
      original: { contentType: 'text/plain; charset=gb18030', sizeBytes: gbk.length },
    });
  });

  it('keeps a rejected report with its findings, answering 422', async () => {
    const rejected = await api.request('POST', '/v1/reports', {
      token,
      body: withArithmeticError(SEED_TEXT),
      contentType: TEXT,
    });
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({ status: 'rejected', findings: [{ code: 'H1' }, { code: 'H3' }] });
    const polled = await api.request('GET', `/v1/submissions/${String(rejected.body.submissionId)}`, { token });
    expect(polled.body.status).toBe('rejected');
  });

  it('dry-runs without storing anything', async () => {
    const before = await versionsOfA();
    const dry = await api.request('POST', '/v1/reports?dryRun=true', {
      token,
      body: respaced(SEED_TEXT, 5),
      contentType: TEXT,
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, hasErrors: false, currentVersion: expect.any(Number) });
    expect(await versionsOfA()).toEqual(before);
  });

  it.each([
    ['an empty body', '', TEXT, 400, 'EMPTY_BODY'],
    ['a body of the wrong type', 'a,b\n1,2\n', 'text/csv', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over 6 MB', 'x'.repeat(6 * 1024 * 1024 + 1), TEXT, 413, 'PAYLOAD_TOO_LARGE'],
  ])('answers %s with %i %s', async (_, body, contentType, status, code) => {
    const res = await api.request('POST', '/v1/reports', { token, body, contentType });
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, message: { zh: expect.any(String), en: expect.any(String) } });
  });

  it('files a presigned upload once S3 reports the object, and the agency polls it to the end', async () => {
    const opened = await api.request('POST', '/v1/uploads', {
      token,
      body: JSON.stringify({ contentType: TEXT, fileName: '年报（大文件）.txt', amendmentReason: '改用大文件上传' }),
      contentType: 'application/json',
    });
    expect(opened.status).toBe(201);
    const posted = await postUpload(opened.body.upload, new TextEncoder().encode(respaced(SEED_TEXT, 7)));
    expect(posted.status).toBe(204);
    const poll = () => api.request('GET', String(opened.body.poll), { token });
    const settled = await eventually(poll, (r) => r.body.status !== 'processing');
    expect(settled.body).toMatchObject({
      status: 'accepted',
      channel: 'upload',
      version: 3,
      original: { fileName: '年报（大文件）.txt' },
    });
  });
});
