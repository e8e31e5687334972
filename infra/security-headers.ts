/**
 * The security headers of the site's one origin (public pages, upload page, API), and the stricter set for
 * filed originals. Originals are agencies' files served from this origin, where the upload page keeps a
 * token: whatever their bytes, a browser must download them, never render or run them here.
 * CloudFront's response headers policies (infra/cdk/constructs/public-site.ts) and the local gateway
 * (infra/local/http-gateway.ts) are both built from this declaration, so browser tests see what readers see.
 */

import { ORIGINAL_CONTENT_DISPOSITION } from '#shared/site/site-paths.ts';

/** Where originals are published: `/reports/{agencyId}/{year}/original.{ext}` and each version's `v{n}/`. */
export const ORIGINALS_PATH_PATTERN = '/reports/*/original.*';

export interface SecurityHeaders {
  readonly contentSecurityPolicy: string;
  readonly strictTransportSecurity: { readonly maxAgeSeconds: number; readonly includeSubdomains: boolean };
  readonly frameOptions: 'DENY';
  readonly referrerPolicy: 'strict-origin-when-cross-origin';
  /** Always `nosniff`: a browser must take the served Content-Type at its word. */
  readonly contentTypeOptions: 'nosniff';
  /** Custom headers (originals: a download, never a page). */
  readonly custom: Readonly<Record<string, string>>;
}

const TWO_YEARS_SECONDS = 730 * 24 * 60 * 60;

const COMMON = {
  strictTransportSecurity: { maxAgeSeconds: TWO_YEARS_SECONDS, includeSubdomains: true },
  frameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
  contentTypeOptions: 'nosniff',
} as const;

/**
 * Pages: same-origin everything; the one exception is the presigned POST of a large file straight to the
 * upload bucket (`uploadOrigins`, e.g. `https://bucket.s3.eu-west-1.amazonaws.com`).
 */
export function pageSecurityHeaders(uploadOrigins: readonly string[]): SecurityHeaders {
  const contentSecurityPolicy = [
    "default-src 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "img-src 'self' data:",
    ['connect-src', "'self'", ...uploadOrigins].join(' '),
    'upgrade-insecure-requests',
  ].join('; ');
  return { ...COMMON, contentSecurityPolicy, custom: {} };
}

/**
 * Originals: `sandbox` gives a document opened anyway an opaque origin with scripts off, so it can reach
 * neither this origin's storage nor its cookies; `attachment` makes browsers save rather than show it.
 */
export const ORIGINAL_SECURITY_HEADERS: SecurityHeaders = {
  ...COMMON,
  contentSecurityPolicy: "sandbox; default-src 'none'; frame-ancestors 'none'",
  custom: { 'Content-Disposition': ORIGINAL_CONTENT_DISPOSITION },
};

/** The response header lines a policy adds, as CloudFront writes them (lower-case names). */
export function headerLines(headers: SecurityHeaders): Record<string, string> {
  const hsts = headers.strictTransportSecurity;
  return {
    'content-security-policy': headers.contentSecurityPolicy,
    'strict-transport-security': `max-age=${hsts.maxAgeSeconds}${hsts.includeSubdomains ? '; includeSubDomains' : ''}`,
    'x-content-type-options': headers.contentTypeOptions,
    'x-frame-options': headers.frameOptions,
    'referrer-policy': headers.referrerPolicy,
    ...Object.fromEntries(Object.entries(headers.custom).map(([name, value]) => [name.toLowerCase(), value])),
  };
}

/** CloudFront path patterns: `*` is any run of characters (slashes too), `?` exactly one; case-sensitive. */
export function matchesPathPattern(pattern: string, path: string): boolean {
  const source = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** The headers for a request path: the originals' set under their pattern, the pages' set everywhere else. */
export function securityHeadersFor(path: string, uploadOrigins: readonly string[]): SecurityHeaders {
  return matchesPathPattern(ORIGINALS_PATH_PATTERN, path)
    ? ORIGINAL_SECURITY_HEADERS
    : pageSecurityHeaders(uploadOrigins);
}
