import { describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';
import { ROUTE_AUTH_ENV, routeAuthEnvironment } from '#infra/declaration.ts';
import { bucketName, ConfigurationError, eventBusName, s3ForcePathStyle, tableName } from '#kit/config.ts';
import { routeNotFoundResponse, toErrorResponse } from '#kit/errors-to-http.ts';
import { withFunctionEnvironment } from '#kit/function-environment.ts';
import { boundaryOf, parseMultipart } from '#kit/multipart.ts';
import { routeAuthOf } from '#kit/principal.ts';
import { ReportParseError } from '#shared/errors.ts';
import { ReaderUnavailableError } from '#shared/parse/isolated-reader.ts';

describe('configuration from the environment', () => {
  it('reads resource names under the variables the declaration derives', () => {
    const env = { FILINGS_TABLE_NAME: 'gk-filings', UPLOADS_BUCKET_NAME: 'gk-uploads', EVENT_BUS_NAME: 'gk-bus' };
    expect(tableName('filings', env)).toBe('gk-filings');
    expect(bucketName('uploads', env)).toBe('gk-uploads');
    expect(eventBusName(env)).toBe('gk-bus');
  });

  it('fails loudly, naming the variable that is missing or wrong', () => {
    expect(() => tableName('registry', {})).toThrow(
      new ConfigurationError('Environment variable REGISTRY_TABLE_NAME is not set'),
    );
    expect(() => bucketName('data', { DATA_BUCKET_NAME: '  ' })).toThrow(/DATA_BUCKET_NAME is empty/);
    expect(() => s3ForcePathStyle({ S3_FORCE_PATH_STYLE: 'yes' })).toThrow(
      /S3_FORCE_PATH_STYLE must be "true" or "false"/,
    );
    expect(s3ForcePathStyle({})).toBe(false);
  });
});

describe('error bodies', () => {
  it('map a reader error to 422 with its code and both messages', () => {
    const res = toErrorResponse(new ReportParseError('NOT_A_REPORT', { zh: '不是年报', en: 'Not a report' }));
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(String(res.body))).toEqual({
      error: { code: 'NOT_A_REPORT', message: { zh: '不是年报', en: 'Not a report' } },
    });
  });

  it('map a file too large to inflate to 413 and one too complex to read to 422', () => {
    const message = { zh: '过大', en: 'Too much' };
    expect(toErrorResponse(new ReportParseError('INPUT_TOO_LARGE', message)).statusCode).toBe(413);
    expect(toErrorResponse(new ReportParseError('DOCUMENT_TOO_COMPLEX', message)).statusCode).toBe(422);
  });

  it('answer 500 when the document reader itself cannot start, never blaming the file', () => {
    const res = toErrorResponse(new ReaderUnavailableError('the document reader did not start: timed out'));
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(String(res.body)).error.code).toBe('INTERNAL_ERROR');
  });

  it('hide an unexpected error behind INTERNAL_ERROR', () => {
    const res = toErrorResponse(new TypeError('cannot read x of undefined'));
    expect(res.statusCode).toBe(500);
    expect(String(res.body)).not.toContain('cannot read');
  });

  it('give the runner a ROUTE_NOT_FOUND body for undeclared routes', () => {
    expect(routeNotFoundResponse()).toMatchObject({ statusCode: 404 });
    expect(JSON.parse(String(routeNotFoundResponse().body)).error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('route auth', () => {
  it("comes from the function's own declared routes, and any other route admits no one", () => {
    const env = routeAuthEnvironment('importReport', app.routes);
    withFunctionEnvironment(env, () => {
      expect(routeAuthOf('POST /v1/admin/imports')).toBe('admin');
      expect(routeAuthOf('POST /v1/reports')).toBeNull();
      expect(routeAuthOf('GET /v1/secret')).toBeNull();
    });
    withFunctionEnvironment(routeAuthEnvironment('health', app.routes), () => {
      expect(routeAuthOf('GET /health')).toBe('none');
    });
    withFunctionEnvironment({}, () => expect(routeAuthOf('GET /health')).toBeNull());
    withFunctionEnvironment({ [ROUTE_AUTH_ENV]: '{"GET /health":"everyone"}' }, () => {
      expect(routeAuthOf('GET /health')).toBeNull();
    });
  });

  it('is told to each HTTP function, and only its own routes', () => {
    for (const route of app.routes) {
      const told = JSON.parse(routeAuthEnvironment(route.fn, app.routes)[ROUTE_AUTH_ENV] ?? '{}');
      expect(told[`${route.method} ${route.path}`]).toBe(route.auth);
      for (const key of Object.keys(told)) {
        expect(app.routes.find((r) => `${r.method} ${r.path}` === key)?.fn).toBe(route.fn);
      }
    }
    expect(routeAuthEnvironment('sendNotice', app.routes)).toEqual({});
  });
});

describe('multipart bodies', () => {
  it('yield each part with its name, UTF-8 file name, type and bytes', () => {
    const body = Buffer.from(
      '--XyZ\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n' +
        '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="年报 2022.txt"\r\nContent-Type: text/plain\r\n\r\n一\r\n二\r\n' +
        '--XyZ--\r\n',
    );
    expect(boundaryOf('multipart/form-data; boundary="XyZ"')).toBe('XyZ');
    const parts = parseMultipart(body, 'XyZ');
    expect(parts?.map((p) => [p.name, p.fileName, p.contentType, Buffer.from(p.bytes).toString()])).toEqual([
      ['note', null, null, 'hi'],
      ['file', '年报 2022.txt', 'text/plain', '一\r\n二'],
    ]);
  });

  it('read the RFC 5987 filename* form', () => {
    const body = Buffer.from(
      '--b\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8\'\'%E5%B9%B4%E6%8A%A5.txt\r\n\r\nx\r\n--b--',
    );
    expect(parseMultipart(body, 'b')?.[0]?.fileName).toBe('年报.txt');
  });

  it.each([
    ['no boundary at all', 'hello'],
    ['an unterminated part', '--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc'],
    ['a part without a name', '--b\r\nContent-Type: text/plain\r\n\r\nabc\r\n--b--'],
  ])('are refused when they have %s', (_, text) => {
    expect(parseMultipart(Buffer.from(text), 'b')).toBeNull();
  });
});
