/**
 * Sign-in requests and answers. A JSON body gets JSON; a form posted by a browser without JavaScript
 * (`application/x-www-form-urlencoded`) gets a page or a redirect, so signing in works either way.
 */

import { isCrossSiteRequest } from '#shared/auth/request-origin.ts';
import {
  BAD_ADDRESS_TEXT,
  lockedText,
  refusalPage,
  throttledText,
  WRONG_CODE_TEXT,
} from '#shared/auth/sign-in-pages.ts';
import { normalizeAddress, normalizeSignInCode, type Refusal } from '#shared/auth/sign-in-policy.ts';
import type { SignInClient } from '#shared/auth/sign-in-ports.ts';
import { FilingError } from '#shared/filing/errors.ts';
import * as z from '#shared/zod.ts';
import type { HttpReply, HttpRequest } from './http.ts';
import { bodyBytes, jsonBodyOf } from './request-input.ts';

export interface SignInForm {
  /** Answer with pages (a browser form) rather than JSON. */
  readonly page: boolean;
  /** Null when what was sent is not an e-mail address. */
  readonly address: string | null;
  /** Null when absent or not six digits. */
  readonly code: string | null;
}

const FIELDS = z.lazy(() =>
  z.object({
    email: z.optional(z.string().check(z.maxLength(254))),
    code: z.optional(z.string().check(z.maxLength(32))),
  }),
);
const EMAIL = z.lazy(() => z.email());

/** Refuses a sign-in form posted from another site's page (see `isCrossSiteRequest`). */
export function signInFormOf(request: HttpRequest): SignInForm {
  if (isCrossSiteRequest(request.headers)) {
    throw new FilingError('FORBIDDEN', {
      zh: '请在本平台的报送页面登录。',
      en: 'Sign-in requests must come from this site',
    });
  }
  const page = isFormPost(request);
  const raw = page ? Object.fromEntries(new URLSearchParams(bodyBytes(request).toString('utf8'))) : jsonBodyOf(request);
  const fields = FIELDS.safeParse(raw);
  if (!fields.success) throw invalidRequest();
  const address = normalizeAddress(fields.data.email ?? '');
  return {
    page,
    address: EMAIL.safeParse(address).success ? address : null,
    code: normalizeSignInCode(fields.data.code ?? ''),
  };
}

/** A form posted by a browser without JavaScript, answered with pages rather than JSON. */
export function isFormPost(request: HttpRequest): boolean {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/x-www-form-urlencoded';
}

/**
 * The client's own address. Behind CloudFront the connection comes from an edge server: CloudFront appends the
 * viewer's address to `X-Forwarded-For` and API Gateway the edge's, so the viewer is the last entry that is not
 * the connection's own. Entries a client writes itself stay on the left, where nothing here reads them.
 */
export function signInClientOf(request: HttpRequest): SignInClient {
  const source = request.event.requestContext.http.sourceIp;
  const forwarded = (request.headers['x-forwarded-for'] ?? '').split(',').map((entry) => entry.trim());
  const viewer = forwarded.filter((entry) => entry !== '' && entry !== source).at(-1);
  return { client: viewer ?? source, userAgent: request.headers['user-agent'] ?? '' };
}

export function badAddressReply(form: SignInForm): HttpReply {
  if (form.page) return { status: 400, body: null, html: refusalPage(BAD_ADDRESS_TEXT) };
  throw invalidRequest();
}

export function refusalReply(refusal: Refusal, form: SignInForm): HttpReply {
  const locked = refusal.outcome === 'locked';
  const text = locked ? lockedText(refusal.until) : throttledText(refusal.retryAt);
  if (form.page) return { status: 429, body: null, html: refusalPage(text) };
  const code = locked ? 'SIGN_IN_LOCKED' : 'TOO_MANY_REQUESTS';
  const details = locked ? { until: refusal.until } : { retryAt: refusal.retryAt };
  throw new FilingError(
    code,
    { zh: text, en: locked ? 'Too many wrong codes: the address is locked' : 'Too many sign-in requests' },
    { details },
  );
}

export function wrongCodeError(): FilingError {
  return new FilingError('SIGN_IN_CODE_INVALID', { zh: WRONG_CODE_TEXT, en: 'The code is wrong or no longer valid' });
}

function invalidRequest(): FilingError {
  return new FilingError('INVALID_REQUEST', {
    zh: BAD_ADDRESS_TEXT,
    en: 'Send {"email": "…"} (and "code" to sign in) as JSON or as a form',
  });
}
