/** The SMTP relay's login, kept in Secrets Manager as `{"username": "…", "password": "…"}`. */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SmtpLogin } from '#shared/adapters/smtp/smtp-mailer.ts';
import * as z from '#shared/zod.ts';

const SmtpLoginSchema = z.lazy(() =>
  z.object({
    username: z.string().check(z.minLength(1)),
    password: z.string().check(z.minLength(1)),
  }),
);

export async function readSmtpLogin(client: SecretsManagerClient, secretId: string): Promise<SmtpLogin> {
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  // Never echo the secret (JSON.parse quotes its input in its error): only say that it has the wrong shape.
  const parsed = SmtpLoginSchema.safeParse(parseOrNull(out.SecretString));
  if (!parsed.success) throw new Error(`Secret ${secretId} is not a JSON object {"username","password"}`);
  return parsed.data;
}

function parseOrNull(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}
