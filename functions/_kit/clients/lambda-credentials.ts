/**
 * What a bundled Lambda gets in place of `@aws-sdk/credential-provider-node` (see `infra/lambda-bundling.ts`).
 * Lambda hands a function its role's credentials in the environment, the first link of the SDK's default
 * chain; the other links (SSO, profiles, web identity, instance metadata, with the STS and SSO clients they
 * carry) can never answer there, yet cost some 140 KB of every bundle and their share of each cold start.
 * Local runs and tests are not bundled and keep the whole chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
