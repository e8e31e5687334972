/**
 * The site's two use cases: update it after one filing (ReportAccepted / ReportAmended), and rebuild it
 * from the registry and the stored versions. Both only upsert, so repeating either gives the same files.
 * A rebuild never reads the index objects it replaces, so a damaged one is repaired by it: a filing that
 * meets one rebuilds the site and says so.
 */
import { listAgencyVersions, publishAgencyYear } from './publish-agency-year.ts';
import { listRegistry, publishHomePages, publishYearPages } from './publish-shared-pages.ts';
import type { SitePorts } from './site-ports.ts';
import { siteWriter } from './site-writer.ts';
import { DamagedStoredJsonError, indexesFromScratch } from './stored-json.ts';

/** Where the site's index objects live in the data bucket (see `site-index.ts`, `datasets.ts`). */
const INDEX_PREFIX = 'site/';

export interface SiteUpdate {
  /** Site bucket keys written, in order. */
  readonly written: readonly string[];
  /** The damaged index object that made this update rebuild the whole site instead. */
  readonly rebuiltBecause?: string;
}

export async function publishFiling(ports: SitePorts, filing: { agencyId: string; year: number }): Promise<SiteUpdate> {
  try {
    return await publishOneFiling(ports, filing);
  } catch (error) {
    if (!(error instanceof DamagedStoredJsonError)) throw error;
    const rebuilt = await rebuildSite(ports);
    return { written: rebuilt.written, rebuiltBecause: error.key };
  }
}

async function publishOneFiling(ports: SitePorts, filing: { agencyId: string; year: number }): Promise<SiteUpdate> {
  const out = siteWriter(ports.site);
  const outcome = await publishAgencyYear(ports, out, filing.agencyId, filing.year);
  if (!outcome.published) return { written: out.written };
  await publishYearPages(ports, out, filing.year, await listRegistry(ports), outcome.dataset);
  await publishHomePages(ports, out);
  return { written: out.written };
}

/** An agency-year a rebuild left as it was, and why (e.g. a filing still being processed). */
export interface SkippedAgencyYear {
  readonly agencyId: string;
  readonly year: number;
  readonly reason: string;
}

/**
 * Every registered agency's every year, then each year's pages once, then the home pages. One agency-year
 * that cannot be built (a version whose processing a crash interrupted has no canonical report yet) is
 * skipped and named, never allowed to stop the rest; its filing's own event builds it once finished.
 */
export async function rebuildSite(
  given: SitePorts,
): Promise<SiteUpdate & { readonly reports: number; readonly skipped: readonly SkippedAgencyYear[] }> {
  const ports = { ...given, data: indexesFromScratch(given.data, INDEX_PREFIX) };
  const out = siteWriter(ports.site);
  const registry = await listRegistry(ports);
  const years = new Set<number>();
  const skipped: SkippedAgencyYear[] = [];
  let reports = 0;
  for (const agency of registry) {
    const agencyYears = new Set((await listAgencyVersions(ports, agency.id)).map((v) => v.year));
    for (const year of [...agencyYears].sort()) {
      years.add(year);
      try {
        if ((await publishAgencyYear(ports, out, agency.id, year)).published) reports += 1;
      } catch (error) {
        skipped.push({ agencyId: agency.id, year, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  for (const year of years) await publishYearPages(ports, out, year, registry);
  await publishHomePages(ports, out);
  return { written: out.written, reports, skipped };
}
