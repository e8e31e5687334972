/**
 * A supervising office (政务公开办, 政府办公室): the office of a people's government that receives its region's
 * filings (条例第四十九条). It sees every agency whose region lies in its subtree — a county office its county, a
 * city office the whole city — and nothing outside it; it never files.
 */
import * as z from '#shared/zod.ts';
import { AgencyIdSchema } from './agency.ts';
import { RegionCodeSchema } from './divisions/division-code.ts';

export const OfficeSchema = z.lazy(() =>
  z.strictObject({
    id: AgencyIdSchema,
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)),
    regionCode: RegionCodeSchema,
    contactEmails: z._default(z.array(z.email()).check(z.maxLength(10)), []),
  }),
);
export type Office = z.infer<typeof OfficeSchema>;
