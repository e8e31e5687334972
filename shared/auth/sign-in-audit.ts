/** One audit record per sign-in attempt (等保 8.1.4.3): never the code, never the session id. */
import type { Principal } from './principal.ts';
import type { SignInClient, SignInStore } from './sign-in-ports.ts';
import type { SignInAudit } from './sign-in-records.ts';

/** The most of a client's User-Agent header an audit record keeps (and a queued code carries). */
export const AUDITED_USER_AGENT_CHARS = 300;

/** Records the outcome of one attempt, then hands back `result`, so a use case can end in `return audit(…)`. */
export function auditor(
  ports: { readonly store: Pick<SignInStore, 'audit'> },
  now: Date,
  event: SignInAudit['event'],
  address: string | null,
  who: SignInClient,
) {
  return async <R>(outcome: SignInAudit['outcome'], principal: Principal | null, result: R): Promise<R> => {
    await ports.store.audit({
      at: now.toISOString(),
      event,
      outcome,
      address,
      client: who.client,
      userAgent: who.userAgent.slice(0, AUDITED_USER_AGENT_CHARS),
      principal,
    });
    return result;
  };
}
