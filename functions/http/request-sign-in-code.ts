/** POST /v1/sign-in/codes — mails a six-digit code; every address gets the same answer, registered or not. */
import { httpHandler } from '#kit/http.ts';
import { signInPorts } from '#kit/roots/sign-in.ts';
import { badAddressReply, refusalReply, signInClientOf, signInFormOf } from '#kit/sign-in-replies.ts';
import { requestSignInCode } from '#shared/auth/sign-in.ts';
import { codePage, codeSentText } from '#shared/auth/sign-in-pages.ts';
import type { SignInPorts } from '#shared/auth/sign-in-ports.ts';

export function createHandler(ports: () => SignInPorts) {
  return httpHandler(async (request) => {
    const form = signInFormOf(request);
    if (form.address === null) return badAddressReply(form);
    const outcome = await requestSignInCode(ports(), form.address, signInClientOf(request));
    if (outcome.outcome !== 'sent') return refusalReply(outcome, form);
    if (form.page) return { status: 200, body: null, html: codePage(form.address, null) };
    return { status: 202, body: { status: 'sent', message: { zh: codeSentText(form.address) } } };
  });
}

export const handler = createHandler(signInPorts);
