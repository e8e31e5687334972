/**
 * The small index objects the site keeps beside the canonical reports (data bucket, `site/`), so a
 * filing rewrites its year page, home page and feed from one or two objects instead of listing the
 * archive. Updates are upserts keyed by agency (and version), so applying the same filing twice, or
 * replaying every filing in a rebuild, gives the same objects.
 */
import { z } from 'zod';
import { ReportVersionSchema } from '#shared/filing/records.ts';

export const YEAR_INDEX_PREFIX = 'site/years/';
export const CATALOG_KEY = 'site/catalog.json';
export const yearIndexKey = (year: number): string => `${YEAR_INDEX_PREFIX}${year}.json`;

/** How many filings the home page and the feed show. */
export const RECENT_LIMIT = 50;

const TotalsSchema = z.object({
  received: z.number(),
  granted: z.number(),
  processed: z.number(),
  reviews: z.number(),
  lawsuits: z.number(),
});

export const YearEntrySchema = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  title: z.string(),
  version: z.number().int().positive(),
  publishedOn: z.string().nullable(),
  acceptedAt: z.string(),
  /** The first accepted version decides on-time status; amendments never change it. */
  first: ReportVersionSchema,
  totals: TotalsSchema,
  hasErrors: z.boolean(),
  warningCount: z.number().int().nonnegative(),
});
export type YearEntry = z.infer<typeof YearEntrySchema>;

export const YearIndexSchema = z.object({ year: z.number().int(), entries: z.array(YearEntrySchema) });
export type YearIndex = z.infer<typeof YearIndexSchema>;

export const RecentFilingSchema = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number().int(),
  version: z.number().int().positive(),
  title: z.string(),
  acceptedAt: z.string(),
  amendmentReason: z.string().nullable(),
});
export type RecentFiling = z.infer<typeof RecentFilingSchema>;

export const CatalogSchema = z.object({
  years: z.array(z.number().int()),
  agencies: z.array(z.object({ id: z.string(), name: z.string() })),
  recent: z.array(RecentFilingSchema),
});
export type Catalog = z.infer<typeof CatalogSchema>;

export const emptyYearIndex = (year: number): YearIndex => ({ year, entries: [] });
export const EMPTY_CATALOG: Catalog = { years: [], agencies: [], recent: [] };

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The entry of the agency replaced (or added); entries stay in agency-id order. */
export function upsertYearEntry(index: YearIndex, entry: YearEntry): YearIndex {
  const others = index.entries.filter((e) => e.agencyId !== entry.agencyId);
  return { year: index.year, entries: [...others, entry].sort((a, b) => byText(a.agencyId, b.agencyId)) };
}

/** Adds the year, the agency (its latest name) and the filing; the recent list is newest first. */
export function upsertCatalog(catalog: Catalog, filing: RecentFiling): Catalog {
  const years = [...new Set([...catalog.years, filing.year])].sort((a, b) => b - a);
  const agencies = [
    ...catalog.agencies.filter((a) => a.id !== filing.agencyId),
    { id: filing.agencyId, name: filing.agencyName },
  ].sort((a, b) => byText(a.id, b.id));
  const sameFiling = (r: RecentFiling) =>
    r.agencyId === filing.agencyId && r.year === filing.year && r.version === filing.version;
  const recent = [...catalog.recent.filter((r) => !sameFiling(r)), filing]
    .sort(
      (a, b) =>
        byText(b.acceptedAt, a.acceptedAt) ||
        byText(a.agencyId, b.agencyId) ||
        b.year - a.year ||
        b.version - a.version,
    )
    .slice(0, RECENT_LIMIT);
  return { years, agencies, recent };
}

export const agencyIndexKey = (agencyId: string): string => `site/agencies/${agencyId}.json`;

/** The titles of an agency's reports by year, so its page needs no report but the one filed. */
export const AgencyIndexSchema = z.object({
  agencyId: z.string(),
  titles: z.array(z.object({ year: z.number().int(), title: z.string() })),
});
export type AgencyIndex = z.infer<typeof AgencyIndexSchema>;

export function upsertAgencyTitle(index: AgencyIndex, year: number, title: string): AgencyIndex {
  const titles = [...index.titles.filter((t) => t.year !== year), { year, title }].sort((a, b) => b.year - a.year);
  return { agencyId: index.agencyId, titles };
}
