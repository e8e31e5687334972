/** Asking for a code and opening a session: the session ports plus the mailer (SES or the SMTP relay). */

import { MAIL_SENDER_ENV } from '#infra/declaration.ts';
import type { SignInPorts } from '#shared/auth/sign-in-ports.ts';
import * as z from '#shared/zod.ts';
import { perContainer } from '../function-environment.ts';
import { mailerFor } from '../mailer.ts';
import { sessionPorts } from './sessions.ts';

export const signInPorts = perContainer(
  (env): SignInPorts => ({
    ...sessionPorts(),
    mailer: mailerFor(z.email(`${MAIL_SENDER_ENV} must be an e-mail address`).parse(env[MAIL_SENDER_ENV]), env),
  }),
);
