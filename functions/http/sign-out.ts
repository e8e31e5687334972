/**
 * POST /v1/sign-out — ends the session server-side and clears the cookie; a browser form is sent back to the
 * upload page. Needs no principal: signing out of an ended session still clears its cookie.
 */
import { httpHandler } from '#kit/http.ts';
import type { SessionPorts } from '#kit/roots/sessions.ts';
import { sessionPorts } from '#kit/roots/sessions.ts';
import { isFormPost, signInClientOf } from '#kit/sign-in-replies.ts';
import { clearedSessionCookie, sessionIdOf } from '#shared/auth/sessions.ts';
import { closeSession } from '#shared/auth/sign-in.ts';
import { SIGN_IN_PAGE } from '#shared/auth/sign-in-pages.ts';

export function createHandler(ports: () => SessionPorts) {
  return httpHandler(async (request) => {
    await closeSession(ports(), sessionIdOf(request.event.cookies), signInClientOf(request));
    const cookies = [clearedSessionCookie()];
    if (isFormPost(request)) return { status: 303, body: null, html: '', cookies, location: SIGN_IN_PAGE };
    return { status: 200, body: { status: 'signedOut' }, cookies };
  });
}

export const handler = createHandler(sessionPorts);
