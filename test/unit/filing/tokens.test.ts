import { describe, expect, it } from 'vitest';
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { MemoryTokenStore } from '#shared/adapters/memory/memory-token-store.ts';
import { SequentialIds } from '#shared/adapters/memory/sequential-ids.ts';
import { bearerTokenOf, hashToken } from '#shared/auth/bearer-token.ts';
import { issueToken, resolveToken, revokeToken } from '#shared/auth/tokens.ts';

function registry() {
  return { clock: new ManualClock(), ids: new SequentialIds(), tokens: new MemoryTokenStore() };
}

describe('bearer tokens', () => {
  it('resolve to their principal, and only their sha256 is stored', async () => {
    const ports = registry();
    const issued = await issueToken(ports, { kind: 'agency', agencyId: 'qujiang-trade-union' });
    expect(issued.token).toBe('gk.id-0001.secret-0002');
    const stored = await ports.tokens.get(issued.tokenId);
    expect(stored?.tokenHash).toBe(hashToken(issued.token));
    expect(JSON.stringify(stored)).not.toContain('secret-0002');
    expect(await resolveToken(ports.tokens, issued.token)).toEqual({ kind: 'agency', agencyId: 'qujiang-trade-union' });
  });

  it('stop resolving once revoked', async () => {
    const ports = registry();
    const issued = await issueToken(ports, { kind: 'admin' });
    const revoked = await revokeToken(ports, { kind: 'admin' }, issued.tokenId);
    expect(revoked.revokedAt).toBe('2023-01-06T02:15:30.000Z');
    expect(await resolveToken(ports.tokens, issued.token)).toBeNull();
  });

  it('cannot be revoked through another owner’s route', async () => {
    const ports = registry();
    const issued = await issueToken(ports, { kind: 'agency', agencyId: 'a-1' });
    await expect(revokeToken(ports, { kind: 'agency', agencyId: 'b-2' }, issued.tokenId)).rejects.toMatchObject({
      code: 'TOKEN_NOT_FOUND',
    });
    await expect(revokeToken(ports, { kind: 'admin' }, issued.tokenId)).rejects.toMatchObject({
      code: 'TOKEN_NOT_FOUND',
    });
  });

  it.each([
    ['a token with a wrong secret', 'gk.id-0001.guessed'],
    ['a token with an unknown id', 'gk.id-9999.secret-0002'],
    ['something not shaped like a token', 'Basic dXNlcjpwYXNz'],
    ['an empty string', ''],
  ])('resolve %s to no one', async (_, presented) => {
    const ports = registry();
    await issueToken(ports, { kind: 'admin' });
    expect(await resolveToken(ports.tokens, presented)).toBeNull();
  });

  it('are read from an Authorization header in any case of "Bearer"', () => {
    expect(bearerTokenOf('Bearer gk.a.b')).toBe('gk.a.b');
    expect(bearerTokenOf('bearer   gk.a.b ')).toBe('gk.a.b');
    expect(bearerTokenOf('Basic gk.a.b')).toBeNull();
    expect(bearerTokenOf(undefined)).toBeNull();
  });
});
