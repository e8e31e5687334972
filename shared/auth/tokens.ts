/** Issuing, revoking and resolving bearer tokens (agency tokens and admin tokens alike). */
import { FilingError } from '#shared/filing/errors.ts';
import type { RegistryPorts, TokenStore } from '#shared/ports.ts';
import { formatToken, hashToken, tokenIdOf, tokenMatchesHash } from './bearer-token.ts';
import { type Principal, samePrincipal, type TokenRecord } from './principal.ts';

export interface IssuedToken {
  readonly tokenId: string;
  /** Shown once, in this response only. */
  readonly token: string;
  readonly principal: Principal;
  readonly createdAt: string;
}

export async function issueToken(
  ports: Pick<RegistryPorts, 'clock' | 'ids' | 'tokens'>,
  principal: Principal,
): Promise<IssuedToken> {
  const tokenId = ports.ids.newId();
  const token = formatToken(tokenId, ports.ids.newSecret());
  const record: TokenRecord = {
    tokenId,
    tokenHash: hashToken(token),
    principal,
    createdAt: ports.clock.now().toISOString(),
    revokedAt: null,
  };
  await ports.tokens.put(record);
  return { tokenId, token, principal, createdAt: record.createdAt };
}

/**
 * Revokes a token if it belongs to `owner` (an agency's token through its agency's route, an admin token
 * through the admin route); any other token id answers TOKEN_NOT_FOUND.
 */
export async function revokeToken(
  ports: Pick<RegistryPorts, 'clock' | 'tokens'>,
  owner: Principal,
  tokenId: string,
): Promise<{ tokenId: string; revokedAt: string }> {
  const record = await ports.tokens.get(tokenId);
  if (!record || !samePrincipal(record.principal, owner)) {
    throw new FilingError('TOKEN_NOT_FOUND', { zh: `未找到令牌：${tokenId}`, en: `No token ${tokenId} here` });
  }
  const revokedAt = record.revokedAt ?? ports.clock.now().toISOString();
  if (!record.revokedAt) await ports.tokens.revoke(tokenId, revokedAt);
  return { tokenId, revokedAt };
}

/** The principal a presented token stands for, or null when it is unknown, malformed or revoked. */
export async function resolveToken(tokens: TokenStore, token: string): Promise<Principal | null> {
  const tokenId = tokenIdOf(token);
  if (!tokenId) return null;
  const record = await tokens.get(tokenId);
  if (!record || record.revokedAt || !tokenMatchesHash(token, record.tokenHash)) return null;
  return record.principal;
}

/**
 * The principal a presented token acts for now: as `resolveToken`, and an agency token only while its agency
 * is in the registry — a token outlives neither its revocation nor its agency's record.
 */
export async function resolveCaller(
  ports: Pick<RegistryPorts, 'tokens' | 'agencies'>,
  token: string,
): Promise<Principal | null> {
  const principal = await resolveToken(ports.tokens, token);
  if (principal?.kind !== 'agency') return principal;
  return (await ports.agencies.get(principal.agencyId)) === null ? null : principal;
}
