/** SES, or an SMTP relay when the deployment names one (`SMTP_HOST`…: the China profile); chosen once per container. */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { MAIL_SENDER_ENV, SMTP_RELAY_ENV } from '#infra/declaration.ts';
import { readSmtpLogin } from '#shared/adapters/aws/secrets-manager-smtp-login.ts';
import { SesMailer } from '#shared/adapters/aws/ses-mailer.ts';
import { SmtpMailer, smtpTransport } from '#shared/adapters/smtp/smtp-mailer.ts';
import type { Mailer } from '#shared/ports.ts';
import * as z from '#shared/zod.ts';
import { ConfigurationError } from './config.ts';
import { functionEnvironment } from './function-environment.ts';

const SmtpRelaySchema = z.lazy(() =>
  z.object({
    host: z.string().check(z.trim(), z.minLength(1)),
    port: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(65535)), 465),
    secretId: z.string().check(z.trim(), z.minLength(1)),
  }),
);

/** The deployment's mailer, sending from its `MAIL_SENDER` address. */
export function deploymentMailer(env: NodeJS.ProcessEnv = functionEnvironment()): Mailer {
  return mailerFor(z.email(`${MAIL_SENDER_ENV} must be an e-mail address`).parse(env[MAIL_SENDER_ENV]), env);
}

export function mailerFor(senderAddress: string, env: NodeJS.ProcessEnv = functionEnvironment()): Mailer {
  if (env[SMTP_RELAY_ENV.host] === undefined) return new SesMailer(new SESv2Client({}), senderAddress);
  const relay = SmtpRelaySchema.safeParse({
    host: env[SMTP_RELAY_ENV.host],
    port: env[SMTP_RELAY_ENV.port],
    secretId: env[SMTP_RELAY_ENV.secretId],
  });
  if (!relay.success) {
    const names = relay.error.issues.map((issue) => SMTP_RELAY_ENV[issue.path[0] as keyof typeof SMTP_RELAY_ENV]);
    throw new ConfigurationError(`Environment variable ${names.join(', ')} is missing or invalid for the SMTP relay`);
  }
  const secrets = new SecretsManagerClient({});
  const { host, port, secretId } = relay.data;
  return new SmtpMailer(smtpTransport({ host, port, login: () => readSmtpLogin(secrets, secretId) }), senderAddress);
}
