/** GET /health — liveness, no auth, touches nothing. */
import { httpHandler } from '#kit/http.ts';

export const handler = httpHandler(async () => ({ status: 200, body: { status: 'ok' } }));
