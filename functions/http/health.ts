/**
 * GET /health — liveness, no auth, touches nothing. A plain handler rather than `httpHandler`: a route that
 * admits anyone and cannot fail has nothing for the middleware to do, and a liveness probe should start as
 * fast as an empty function.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { JSON_HEADERS } from '#kit/errors-to-http.ts';

export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 200,
  headers: { ...JSON_HEADERS },
  body: JSON.stringify({ status: 'ok' }),
});
