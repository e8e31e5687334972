import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, apiErrorOf } from '#cli/api/client.ts';
import { contentTypeOf } from '#cli/api/content-type.ts';
import { resolveApiTarget } from '#cli/api/target.ts';
import { CliFailure } from '#cli/failure.ts';
import { capturedIo } from './captured-io.ts';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'gongkai-cli-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('resolveApiTarget', () => {
  it('prefers flags, then the environment', async () => {
    const io = capturedIo({ env: { GONGKAI_ENDPOINT: 'https://api.example.cn/', GONGKAI_TOKEN: 'env-token' } });
    expect(await resolveApiTarget({}, io)).toEqual({ endpoint: 'https://api.example.cn', token: 'env-token' });
    expect(await resolveApiTarget({ endpoint: 'http://127.0.0.1:9000', token: 'flag' }, io)).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      token: 'flag',
    });
  });

  it('falls back to the local runner and the admin token in $GONGKAI_HOME', async () => {
    await writeFile(join(home, 'admin-token'), 'gk_admin_secret\n');
    const target = await resolveApiTarget({}, capturedIo({ env: { GONGKAI_HOME: home } }));
    expect(target).toEqual({ endpoint: 'http://localhost:3000', token: 'gk_admin_secret' });
  });

  it('finds the local runner on PORT, as npm start does, unless GONGKAI_ENDPOINT says otherwise', async () => {
    expect((await resolveApiTarget({}, capturedIo({ env: { PORT: '3100' } }))).endpoint).toBe('http://localhost:3100');
    const both = capturedIo({ env: { PORT: '3100', GONGKAI_ENDPOINT: 'https://api.example.cn' } });
    expect((await resolveApiTarget({}, both)).endpoint).toBe('https://api.example.cn');
    await expect(resolveApiTarget({}, capturedIo({ env: { PORT: 'abc' } }))).rejects.toThrow(/PORT/);
  });

  it('reads ./.gongkai under the working directory when GONGKAI_HOME is unset', async () => {
    await mkdir(join(home, '.gongkai'));
    await writeFile(join(home, '.gongkai', 'admin-token'), 'local');
    expect((await resolveApiTarget({}, capturedIo({ cwd: home }))).token).toBe('local');
    expect(
      (await resolveApiTarget({}, capturedIo({ cwd: tmpdir(), env: { GONGKAI_HOME: join(home, 'none') } }))).token,
    ).toBeNull();
  });

  it('refuses an endpoint that is not an http(s) URL', async () => {
    await expect(resolveApiTarget({ endpoint: 'localhost:3000' }, capturedIo())).rejects.toThrow(/http or https/);
    await expect(resolveApiTarget({ endpoint: 'not a url' }, capturedIo())).rejects.toThrow(/invalid endpoint/);
  });
});

describe('ApiClient', () => {
  it('sends the bearer token, content type and body, and parses the JSON answer', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetchStub: typeof fetch = async (url, init) => {
      seen.push({ url: String(url), init: init ?? {} });
      return new Response('{"ok":true}', { status: 201 });
    };
    const client = new ApiClient({ endpoint: 'http://api', token: 't0k' }, fetchStub);
    const body = await client.call({ method: 'POST', path: '/v1/x', body: '{}', contentType: 'application/json' });
    expect(body).toEqual({ ok: true });
    expect(seen[0]?.url).toBe('http://api/v1/x');
    expect(seen[0]?.init.headers).toMatchObject({ authorization: 'Bearer t0k', 'content-type': 'application/json' });
  });

  it("turns the API's error body into one failure with its code and the listed issues", async () => {
    const error = apiErrorOf({
      status: 422,
      body: {
        error: {
          code: 'INVALID_REQUEST',
          message: { zh: '机关登记信息不符合要求', en: 'The agency entry is not valid' },
          details: { issues: [{ path: 'kind', message: 'Invalid option' }] },
        },
      },
    });
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.zh).toBe('机关登记信息不符合要求（HTTP 422 INVALID_REQUEST）');
    expect(error.en).toBe('The agency entry is not valid: kind: Invalid option (HTTP 422 INVALID_REQUEST)');
  });

  it('hints at the token on 401 and copes with a body that is not JSON', async () => {
    const client = new ApiClient(
      { endpoint: 'http://api', token: null },
      async () => new Response('<h1>502</h1>', { status: 401 }),
    );
    const failure = await client.call({ method: 'GET', path: '/v1/admin/agencies' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CliFailure);
    expect((failure as CliFailure).zh).toContain('--token');
  });

  it('reports an unreachable endpoint by its address', async () => {
    const refused: typeof fetch = () =>
      Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
    const client = new ApiClient({ endpoint: 'http://127.0.0.1:9', token: null }, refused);
    await expect(client.send({ method: 'GET', path: '/health' })).rejects.toThrow(
      'cannot reach http://127.0.0.1:9: ECONNREFUSED',
    );
  });
});

describe('contentTypeOf', () => {
  it('takes the type from the extension, and sniffs standard input', () => {
    const text = new TextEncoder().encode('韶关市曲江区总工会2022年政府信息公开工作年度报告');
    expect(contentTypeOf(text, 'report.HTML')).toBe('text/html');
    expect(contentTypeOf(text, 'report.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(contentTypeOf(text)).toBe('text/plain');
    expect(contentTypeOf(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(contentTypeOf(new TextEncoder().encode('\uFEFF  {"schemaVersion":1}'))).toBe('application/json');
    expect(contentTypeOf(new TextEncoder().encode('<!doctype html>'))).toBe('text/html');
  });
});
