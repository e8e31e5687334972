/**
 * Cross-site request forgery, for requests a session cookie authenticates. SameSite=Strict already keeps the
 * cookie off requests started by other sites; this is the second lock: a request that changes something must
 * say it comes from this origin, by Fetch Metadata (`Sec-Fetch-Site: same-origin`, sent by every current
 * browser) or, from a browser without it, by an `Origin` naming the host it was sent to. Reads are not checked:
 * they change nothing, and the API answers them with CORS closed.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSameOriginRequest(method: string, headers: Readonly<Record<string, string | undefined>>): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const site = headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = headers.origin;
  const host = headers.host;
  if (origin === undefined || host === undefined) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
