/**
 * The first admin token cannot come through the API (its admin routes need an admin token), so the
 * runner issues it with the same use case and registry ports the admin routes use — the token lands in
 * the registry table exactly as `POST /v1/admin/tokens` would store it.
 */
/** `env` names the registry table: the process itself carries no function's resource names. */
export async function bootstrapAdminToken(env: Readonly<Record<string, string>>): Promise<string> {
  // Imported late: the composition root must see the stand-ins' environment, and test declarations
  // without a registry never load it.
  const { registryPorts } = await import('#kit/roots/registry.ts');
  const { issueToken } = await import('#shared/auth/tokens.ts');
  const { withFunctionEnvironment } = await import('#kit/function-environment.ts');
  const issued = await withFunctionEnvironment({ ...env }, () => issueToken(registryPorts(), { kind: 'admin' }));
  return issued.token;
}
