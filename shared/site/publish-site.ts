/**
 * The site's two use cases: update it after one filing (ReportAccepted / ReportAmended), and rebuild it
 * from the registry and the stored versions. Both only upsert, so repeating either gives the same files.
 */
import { listAgencyVersions, publishAgencyYear } from './publish-agency-year.ts';
import { listRegistry, publishHomePages, publishYearPages } from './publish-shared-pages.ts';
import type { SitePorts } from './site-ports.ts';
import { siteWriter } from './site-writer.ts';

export interface SiteUpdate {
  /** Site bucket keys written, in order. */
  readonly written: readonly string[];
}

export async function publishFiling(ports: SitePorts, filing: { agencyId: string; year: number }): Promise<SiteUpdate> {
  const out = siteWriter(ports.site);
  const outcome = await publishAgencyYear(ports, out, filing.agencyId, filing.year);
  if (!outcome.published) return { written: out.written };
  await publishYearPages(ports, out, filing.year, await listRegistry(ports), outcome.dataset);
  await publishHomePages(ports, out);
  return { written: out.written };
}

/** Every registered agency's every year, then each year's pages once, then the home pages. */
export async function rebuildSite(ports: SitePorts): Promise<SiteUpdate & { readonly reports: number }> {
  const out = siteWriter(ports.site);
  const registry = await listRegistry(ports);
  const years = new Set<number>();
  let reports = 0;
  for (const agency of registry) {
    const agencyYears = new Set((await listAgencyVersions(ports, agency.id)).map((v) => v.year));
    for (const year of [...agencyYears].sort()) {
      if ((await publishAgencyYear(ports, out, agency.id, year)).published) reports += 1;
      years.add(year);
    }
  }
  for (const year of years) await publishYearPages(ports, out, year, registry);
  await publishHomePages(ports, out);
  return { written: out.written, reports };
}
