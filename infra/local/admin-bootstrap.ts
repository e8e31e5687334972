/**
 * The first admin token cannot come through the API (its admin routes need an admin token), so the
 * runner issues it with the same use case and registry ports the admin routes use — the token lands in
 * the registry table exactly as `POST /v1/admin/tokens` would store it.
 */
export async function bootstrapAdminToken(): Promise<string> {
  // Imported late: the composition root must see the stand-ins' environment, and test declarations
  // without a registry never load it.
  const { registryPorts } = await import('#kit/roots/registry.ts');
  const { issueToken } = await import('#shared/auth/tokens.ts');
  const issued = await issueToken(registryPorts(), { kind: 'admin' });
  return issued.token;
}
