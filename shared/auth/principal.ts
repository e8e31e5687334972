/** Who is calling: resolved from a bearer token by the authorizer, enforced per route by the HTTP kit. */

import { AgencyIdSchema } from '#shared/registry/agency.ts';
import * as z from '#shared/zod.ts';
import { sha256Hex } from '#shared/zod-leaves.ts';

/** An office's token carries its region, so that scoping a request needs no lookup of the office. */
export const PrincipalSchema = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('agency'), agencyId: AgencyIdSchema }),
    z.object({
      kind: z.literal('office'),
      officeId: AgencyIdSchema,
      regionCode: z.string().check(z.regex(/^\d{6}(\d{3})?$/)),
    }),
    z.object({ kind: z.literal('admin') }),
  ]),
);
export type Principal = z.infer<typeof PrincipalSchema>;

/** The same agency, the same office, or both admins (an office's region is not part of who it is). */
export function samePrincipal(a: Principal, b: Principal): boolean {
  if (a.kind === 'admin') return b.kind === 'admin';
  if (a.kind === 'agency') return b.kind === 'agency' && a.agencyId === b.agencyId;
  return b.kind === 'office' && a.officeId === b.officeId;
}

export const TokenRecordSchema = z.lazy(() =>
  z.object({
    tokenId: z.string().check(z.minLength(1)),
    /** sha256 (hex) of the whole token; the token itself is shown once and never stored. */
    tokenHash: sha256Hex,
    principal: PrincipalSchema,
    createdAt: z.iso.datetime(),
    revokedAt: z.nullable(z.iso.datetime()),
  }),
);
export type TokenRecord = z.infer<typeof TokenRecordSchema>;
