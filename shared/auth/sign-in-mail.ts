/**
 * The mail with a sign-in code leaves after the request is answered. The request stores the code's hash and
 * queues the code for every address alike; the queue's consumer looks the address up and mails it only if it
 * is a registered contact. So answering does the same work, and takes the same time, for any address: neither
 * the answer nor its timing tells who is registered. The code lives in the (encrypted) queue only until it is
 * mailed, and expires with its stored hash either way.
 */
import type { Mailer } from '#shared/ports.ts';
import * as z from '#shared/zod.ts';
import { auditor } from './sign-in-audit.ts';
import { signInCodeMessage } from './sign-in-message.ts';
import type { ContactDirectory, SignInStore } from './sign-in-ports.ts';

export const SignInCodeMailSchema = z.lazy(() =>
  z.object({
    address: z.string().check(z.minLength(3)),
    code: z.string().check(z.regex(/^\d{6}$/)),
    /** When it was asked for: the audit record carries the request's time, not the mail's. */
    requestedAt: z.iso.datetime(),
    client: z.string(),
    userAgent: z.string(),
  }),
);
export type SignInCodeMail = z.infer<typeof SignInCodeMailSchema>;

/** Where a requested code waits for its mail (the declared sign-in mail queue). */
export interface SignInCodeOutbox {
  post(mail: SignInCodeMail): Promise<void>;
}

export interface SignInMailPorts {
  readonly store: Pick<SignInStore, 'audit'>;
  readonly contacts: Pick<ContactDirectory, 'principalsAt'>;
  readonly mailer: Mailer;
}

/** Mails the code to a registered address, nothing to any other, and records the request's outcome. */
export async function mailSignInCode(
  ports: SignInMailPorts,
  mail: SignInCodeMail,
): Promise<'codeSent' | 'notRegistered'> {
  const audit = auditor(ports, new Date(mail.requestedAt), 'codeRequested', mail.address, mail);
  const registered = (await ports.contacts.principalsAt(mail.address)).length > 0;
  if (!registered) return audit('notRegistered', null, 'notRegistered');
  await ports.mailer.send(signInCodeMessage(mail.address, mail.code));
  return audit('codeSent', null, 'codeSent');
}
