/** Asking for a code and opening a session: the session ports plus the mailer (SES or the SMTP relay). */

import type { SignInPorts } from '#shared/auth/sign-in-ports.ts';
import { perContainer } from '../function-environment.ts';
import { deploymentMailer } from '../mailer.ts';
import { sessionPorts } from './sessions.ts';

export const signInPorts = perContainer(
  (env): SignInPorts => ({
    ...sessionPorts(),
    mailer: deploymentMailer(env),
  }),
);
