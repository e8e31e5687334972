import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '#kit/http.ts';
import { isFormPost, signInClientOf, signInFormOf } from '#kit/sign-in-replies.ts';
import { httpEvent } from './http-event.ts';

function request(options: Parameters<typeof httpEvent>[1]): HttpRequest {
  const event = httpEvent('POST /v1/sign-in/codes', options);
  return { event, principal: null, pathParameters: {}, query: {}, headers: event.headers as Record<string, string> };
}

describe('sign-in requests', () => {
  it('count the viewer CloudFront saw, not an address the client wrote itself', () => {
    // sourceIp is the connection's own (203.0.113.15, a CloudFront edge); CloudFront appended the viewer.
    const behind = request({ headers: { 'x-forwarded-for': '10.9.9.9, 198.51.100.7, 203.0.113.15' } });
    expect(signInClientOf(behind).client).toBe('198.51.100.7');
    expect(signInClientOf(request({ headers: { 'x-forwarded-for': '203.0.113.15' } })).client).toBe('203.0.113.15');
    expect(signInClientOf(request({})).client).toBe('203.0.113.15');
  });

  it('read JSON, and browser forms as pages to answer', () => {
    const json = request({
      body: '{"email":" ZGH@qujiang.example.org ","code":"123 456"}',
      contentType: 'application/json',
    });
    expect(signInFormOf(json)).toEqual({ page: false, address: 'zgh@qujiang.example.org', code: '123456' });
    const form = request({
      body: 'email=zgh%40qujiang.example.org&code=12',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(signInFormOf(form)).toEqual({ page: true, address: 'zgh@qujiang.example.org', code: null });
    const notAnAddress = request({ body: '{"email":"zgh"}', contentType: 'application/json' });
    expect(signInFormOf(notAnAddress).address).toBeNull();
  });
});

describe('a form post', () => {
  it('is told by its media type alone, however it is spelled', () => {
    const form = request({ body: 'email=a', contentType: 'Application/X-WWW-Form-Urlencoded; charset=UTF-8' });
    expect(isFormPost(form)).toBe(true);
    expect(isFormPost(request({ body: '{}', contentType: 'application/json' }))).toBe(false);
    expect(isFormPost(request({}))).toBe(false);
  });
});

describe('sign-in from another site', () => {
  it('is refused, so that no site can sign its visitors in as someone else', () => {
    const body = { body: '{"email":"zgh@qujiang.example.org","code":"123456"}', contentType: 'application/json' };
    for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }]) {
      expect(() => signInFormOf(request({ ...body, headers }))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
    for (const headers of [{ 'sec-fetch-site': 'same-origin' }, { origin: 'https://api.gongkai.example' }, {}]) {
      expect(signInFormOf(request({ ...body, headers })).address).toBe('zgh@qujiang.example.org');
    }
  });
});
