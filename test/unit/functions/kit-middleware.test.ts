/** The HTTP and event kits on middy's core: each middleware on its own, then the logger's line shape. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilingDueSoon } from '#events/filing-due-soon.ts';
import { eventHandler } from '#kit/event.ts';
import { httpHandler } from '#kit/http.ts';
import { logLine } from '#kit/logger.ts';
import { FilingError } from '#shared/filing/errors.ts';
import { ADMIN_CALLER, AGENCY_CALLER, httpEvent, lambdaContext } from './http-event.ts';

const echo = httpHandler(async (request) => ({
  status: 200,
  body: { principal: request.principal, headers: request.headers, eventHeaders: request.event.headers },
}));

function bodyOf(result: Awaited<ReturnType<typeof echo>>): Record<string, unknown> {
  return JSON.parse(String(result.body));
}

describe('the HTTP kit on middy', () => {
  it('lower-cases header names for the route, in its request and its event', async () => {
    const event = httpEvent('GET /v1/me', { principal: AGENCY_CALLER, headers: { 'X-Custom': 'yes' } });
    const body = bodyOf(await echo(event, lambdaContext));
    expect(body.headers).toMatchObject({ 'x-custom': 'yes' });
    expect(body.eventHeaders).toMatchObject({ 'x-custom': 'yes' });
    expect(Object.keys(body.headers as object).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('hands the route the caller its declared auth admitted', async () => {
    const body = bodyOf(await echo(httpEvent('GET /v1/me', { principal: ADMIN_CALLER }), lambdaContext));
    expect(body.principal).toEqual({ kind: 'admin' });
  });

  it('answers 401 without a caller and 403 for the wrong kind, before the route runs', async () => {
    const run = vi.fn(async () => ({ status: 200, body: {} }));
    const handler = httpHandler(run);
    expect((await handler(httpEvent('GET /v1/agencies'), lambdaContext)).statusCode).toBe(401);
    const wrongKind = await handler(httpEvent('GET /v1/agencies', { principal: AGENCY_CALLER }), lambdaContext);
    expect(wrongKind.statusCode).toBe(403);
    expect(run).not.toHaveBeenCalled();
  });

  it('maps what the route throws to its typed answer, and hides what it did not type', async () => {
    const refused = httpHandler(async () => {
      throw new FilingError('JOB_NOT_FOUND', { zh: '没有', en: 'None' });
    });
    const typed = await refused(httpEvent('GET /v1/me', { principal: AGENCY_CALLER }), lambdaContext);
    expect(typed.statusCode).toBe(404);
    expect(JSON.parse(String(typed.body))).toEqual({
      error: { code: 'JOB_NOT_FOUND', message: { zh: '没有', en: 'None' } },
    });
    const broken = httpHandler(async () => {
      throw new TypeError('x is undefined');
    });
    const hidden = await broken(httpEvent('GET /v1/me', { principal: AGENCY_CALLER }), lambdaContext);
    expect(hidden.statusCode).toBe(500);
    expect(String(hidden.body)).not.toContain('x is undefined');
  });

  it('keeps no caller from one request for the next', async () => {
    await echo(httpEvent('GET /v1/me', { principal: ADMIN_CALLER }), lambdaContext);
    expect((await echo(httpEvent('GET /v1/me'), lambdaContext)).statusCode).toBe(401);
  });
});

describe('the event kit on middy', () => {
  const detail = { agencyId: 'qujiang-trade-union', agencyName: '曲江区总工会', year: 2024, dueOn: '2025-01-31' };

  it('hands over the detail of an accepted contract, and throws on any other so EventBridge retries', async () => {
    const run = vi.fn(async () => undefined);
    const handler = eventHandler([FilingDueSoon], run);
    const envelope = { id: 'e-1', time: '2025-01-20T00:00:00Z', source: FilingDueSoon.source };
    const good = { ...envelope, 'detail-type': FilingDueSoon.detailType, detail };
    const parsed = FilingDueSoon.detail.safeParse(detail);
    if (parsed.success) {
      await handler(good, lambdaContext);
      expect(run).toHaveBeenCalledWith(
        { detailType: FilingDueSoon.detailType, detail: parsed.data },
        {
          id: 'e-1',
          time: '2025-01-20T00:00:00Z',
        },
      );
    }
    await expect(handler({ ...envelope, 'detail-type': 'Something Else', detail })).rejects.toThrow(/does not handle/);
    await expect(handler({ ...good, detail: { year: 'soon' } })).rejects.toThrow(/does not match/);
  });
});

function thrownHere(): Error {
  return new Error('outer', { cause: new RangeError('inner') });
}

describe('log lines', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('are one JSON object with the level, message, service and the fields given', () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'gongkai');
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1');
    const line = JSON.parse(logLine('INFO', 'request refused', { requestId: 'r-1', status: 404 }) ?? 'null');
    expect(line).toMatchObject({
      level: 'INFO',
      message: 'request refused',
      service: 'gongkai',
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
      requestId: 'r-1',
      status: 404,
    });
    expect(Number.isNaN(Date.parse(line.timestamp))).toBe(false);
  });

  it('print an error with its name, message, location and cause', () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'WARN');
    const error = thrownHere();
    const line = JSON.parse(logLine('ERROR', 'request failed', { error }) ?? 'null');
    expect(line.error).toMatchObject({
      name: 'Error',
      message: 'outer',
      cause: { name: 'RangeError', message: 'inner' },
    });
    expect(line.error.location).toMatch(/kit-middleware\.test\.ts:\d+$/);
    expect(logLine('INFO', 'below the level')).toBeNull();
  });

  it('stay silent under the test runner unless a level is asked for', () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', undefined);
    vi.stubEnv('LOG_LEVEL', 'DEBUG');
    expect(logLine('ERROR', 'quiet')).toBeNull();
  });
});
