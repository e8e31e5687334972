import { describe, expect, it } from 'vitest';
import { wantsNotFoundPage } from '#shared/site/not-found-reply.ts';
import { createHandler } from '../../../functions/http/not-found-page.ts';
import { httpEvent } from './http-event.ts';

const BUILT = '<!DOCTYPE html><html lang="zh-CN"><h1>页面不存在</h1><a href="/regions/440000/">广东省</a></html>';
const built = createHandler(() => ({
  get: async () => ({ bytes: new TextEncoder().encode(BUILT), contentType: 'text/html' }),
}));
const empty = createHandler(() => ({ get: async () => null }));

function event(path: string, accept?: string) {
  const e = httpEvent('GET /{proxy+}', { headers: accept === undefined ? {} : { accept } });
  return { ...e, rawPath: path };
}

describe('the not-found function', () => {
  it('answers a public URL with the 404 page the archive built, status 404, in HTML', async () => {
    const reply = await built(event('/reports/nobody/2022/', 'text/html,application/xhtml+xml'));
    expect(reply).toMatchObject({ statusCode: 404, headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect(reply.body).toBe(BUILT);
  });

  it('stands in with the same page without regions before the first build', async () => {
    const reply = await empty(event('/nowhere'));
    expect(reply.statusCode).toBe(404);
    expect(reply.body).toContain('<html lang="zh-CN">');
    expect(reply.body).toContain('href="/agencies/"');
  });

  it('answers API paths and JSON-only clients with the API error', async () => {
    for (const [path, accept] of [
      ['/v1/nothing', 'text/html'],
      ['/health', undefined],
      ['/nowhere', 'application/json'],
    ] as const) {
      const reply = await built(event(path, accept));
      expect(reply.statusCode).toBe(404);
      expect(JSON.parse(String(reply.body))).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    }
    expect(wantsNotFoundPage('/nowhere', 'application/json, */*')).toBe(true);
    expect(wantsNotFoundPage('/v1', undefined)).toBe(false);
  });
});
