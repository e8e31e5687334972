/**
 * Cross-site request forgery, for requests a session cookie authenticates. SameSite=Strict already keeps the
 * cookie off requests started by other sites; this is the second lock: a request that changes something must
 * say it comes from this origin, by Fetch Metadata (`Sec-Fetch-Site: same-origin`, sent by every current
 * browser) or, from a browser without it, by an `Origin` naming the host it was sent to. Reads are not checked:
 * they change nothing, and the API answers them with CORS closed.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSameOriginRequest(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  return originOf(headers) === 'same';
}

/**
 * A request a browser sent from another site's page. Signing in refuses these too, so that no other site can
 * sign a visitor in as someone else (login CSRF) or send codes from visitors' browsers; a client that is not a
 * browser (curl, the CLI) says nothing of where it comes from and is not one.
 */
export function isCrossSiteRequest(headers: Headers): boolean {
  return originOf(headers) === 'other';
}

type Headers = Readonly<Record<string, string | undefined>>;

function originOf(headers: Headers): 'same' | 'other' | 'unsaid' {
  const site = headers['sec-fetch-site'];
  // `none`: typed into the address bar or opened from a bookmark, which a form post never is.
  if (site !== undefined) return site === 'same-origin' ? 'same' : 'other';
  const origin = headers.origin;
  if (origin === undefined) return 'unsaid';
  try {
    return new URL(origin).host === headers.host ? 'same' : 'other';
  } catch {
    return 'other';
  }
}
