/**
 * POST /v1/sign-in/codes — stores and queues a six-digit code; every address gets the same answer in the same
 * time, registered or not, and the queue's consumer mails only a registered one.
 */
import { httpHandler } from '#kit/http.ts';
import { type CodeRequestPorts, signInPorts } from '#kit/roots/sign-in.ts';
import { badAddressReply, refusalReply, signInClientOf, signInFormOf } from '#kit/sign-in-replies.ts';
import { requestSignInCode } from '#shared/auth/sign-in.ts';
import { codePage, codeSentText } from '#shared/auth/sign-in-pages.ts';

export function createHandler(ports: () => CodeRequestPorts) {
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
