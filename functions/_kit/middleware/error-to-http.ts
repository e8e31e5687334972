/**
 * Every error a route throws becomes its typed answer (`errors-to-http.ts`): logged as an error when it is
 * ours to fix (5xx, or an error we did not type), as information when the request was refused.
 */
import type middy from '@middy/core';
import { statusOf, toErrorResponse } from '../errors-to-http.ts';
import type { HttpEvent, HttpResult } from '../http.ts';
import { logger } from '../logger.ts';

export function errorToHttp(): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: ({ event, error }) => {
      const status = statusOf(error);
      const where = { routeKey: event.routeKey, requestId: event.requestContext?.requestId };
      if (status === null || status >= 500) logger.error('request failed', { ...where, error });
      else logger.info('request refused', { ...where, status, code: (error as { code?: string } | null)?.code });
      return toErrorResponse(error);
    },
  };
}
