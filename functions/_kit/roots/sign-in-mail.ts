/** Mailing a queued sign-in code: the registry's contacts, the sign-in table's audit, the mailer (SES or SMTP). */
import type { SignInMailPorts } from '#shared/auth/sign-in-mail.ts';
import { perContainer } from '../function-environment.ts';
import { deploymentMailer } from '../mailer.ts';
import { sessionPorts } from './sessions.ts';

export const signInMailPorts = perContainer(
  (env): SignInMailPorts => ({
    ...sessionPorts(),
    mailer: deploymentMailer(env),
  }),
);
