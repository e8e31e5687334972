import type { TokenRecord } from '#shared/auth/principal.ts';
import type { TokenStore } from '#shared/ports.ts';

export class MemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, TokenRecord>();

  async put(token: TokenRecord): Promise<void> {
    this.#tokens.set(token.tokenId, structuredClone(token));
  }

  async get(tokenId: string): Promise<TokenRecord | null> {
    const token = this.#tokens.get(tokenId);
    return token ? structuredClone(token) : null;
  }

  async revoke(tokenId: string, revokedAt: string): Promise<boolean> {
    const token = this.#tokens.get(tokenId);
    if (!token) return false;
    this.#tokens.set(tokenId, { ...token, revokedAt });
    return true;
  }
}
