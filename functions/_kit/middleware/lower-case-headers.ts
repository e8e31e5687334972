/** Header names lower-cased: API Gateway v2 already sends them so; the local gateway and tests may not. */
import type middy from '@middy/core';
import type { HttpEvent, HttpResult } from '../http.ts';

export function lowerCaseHeaders(): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: (request) => {
      const headers = Object.entries(request.event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]);
      request.event = { ...request.event, headers: Object.fromEntries(headers) };
    },
  };
}
