/**
 * A supervising office (政务公开办, 政府办公室): the office of a people's government that receives its region's
 * filings (条例第四十九条). It sees every agency whose region lies in its subtree — a county office its county, a
 * city office the whole city — and nothing outside it; it never files.
 */
import * as z from 'zod';
import { AgencyIdSchema } from './agency.ts';
import { RegionCodeSchema } from './divisions/division-code.ts';

export const OfficeSchema = z.strictObject({
  id: AgencyIdSchema,
  name: z.string().trim().min(2).max(100),
  regionCode: RegionCodeSchema,
  contactEmails: z.array(z.email()).max(10).default([]),
});
export type Office = z.infer<typeof OfficeSchema>;
