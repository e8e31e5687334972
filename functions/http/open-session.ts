/**
 * POST /v1/sign-in/sessions — exchanges the e-mailed code for a session cookie. A browser form gets a 303 to the
 * upload page (so reloading does not post the code again); JSON gets who signed in.
 */
import { httpHandler } from '#kit/http.ts';
import { toAuthorizerContext } from '#kit/principal.ts';
import { type SessionPorts, sessionPorts } from '#kit/roots/sessions.ts';
import { badAddressReply, refusalReply, signInClientOf, signInFormOf, wrongCodeError } from '#kit/sign-in-replies.ts';
import { sessionCookie } from '#shared/auth/sessions.ts';
import { openSession } from '#shared/auth/sign-in.ts';
import { codePage, SIGN_IN_PAGE, WRONG_CODE_TEXT } from '#shared/auth/sign-in-pages.ts';

export function createHandler(ports: () => SessionPorts) {
  return httpHandler(async (request) => {
    const form = signInFormOf(request);
    if (form.address === null) return badAddressReply(form);
    const outcome = await openSession(ports(), form.address, form.code, signInClientOf(request));
    if (outcome.outcome === 'wrong') {
      if (form.page) return { status: 401, body: null, html: codePage(form.address, WRONG_CODE_TEXT) };
      throw wrongCodeError();
    }
    if (outcome.outcome !== 'accepted') return refusalReply(outcome, form);
    const cookies = [sessionCookie(outcome.sessionId)];
    if (form.page) return { status: 303, body: null, html: '', cookies, location: SIGN_IN_PAGE };
    return { status: 200, body: toAuthorizerContext(outcome.principal), cookies };
  });
}

export const handler = createHandler(sessionPorts);
