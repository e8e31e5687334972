/**
 * The page builder per accepted filing, on memory adapters, with 10 and with 2,000 reports already in
 * the archive (agencies × 2020–2024). The archive's index objects are seeded through the same upserts
 * the builder uses, without rendering, so seeding stays quick; then new agencies file for 2022 and each
 * filing is timed through `publishFiling`. Pages written should not change with the archive's size;
 * time grows only with the year's dataset (every report of the year is one CSV and one JSON file).
 */
import { performance } from 'node:perf_hooks';
import { emptyDataset, upsertDataset, type YearDataset } from '#shared/site/datasets.ts';
import { publishFiling } from '#shared/site/publish-site.ts';
import { reportTotals } from '#shared/site/report-totals.ts';
import {
  CATALOG_KEY,
  type Catalog,
  EMPTY_CATALOG,
  emptyYearIndex,
  upsertCatalog,
  upsertYearEntry,
  type YearIndex,
  yearIndexKey,
} from '#shared/site/site-index.ts';
import { datasetKey } from '#shared/site/site-paths.ts';
import { writeStoredJson } from '#shared/site/stored-json.ts';
import { buildReport, modified } from '../test/helpers/report-builder.ts';
import { agencyOf, archive, type SiteWorld, siteWorld } from '../test/unit/site/site-world.ts';

const YEARS = [2020, 2021, 2022, 2023, 2024];
const MEASURED_FILINGS = 5;

export interface SiteBenchFigures {
  readonly pagesPerFilingAt10: number;
  readonly msPerFilingAt10: number;
  readonly pagesPerFilingAt2000: number;
  readonly msPerFilingAt2000: number;
}

async function seedArchive(world: SiteWorld, reports: number): Promise<void> {
  const indexes = new Map<number, YearIndex>(YEARS.map((y) => [y, emptyYearIndex(y)]));
  const datasets = new Map<number, YearDataset>(YEARS.map((y) => [y, emptyDataset(y)]));
  let catalog: Catalog = EMPTY_CATALOG;
  for (let i = 0; i < reports; i += 1) {
    const year = YEARS[i % YEARS.length] as number;
    const agency = agencyOf(`agency-${Math.floor(i / YEARS.length)}`, `示范市第${Math.floor(i / YEARS.length)}局`);
    if (i % YEARS.length === 0) await world.agencies.create(agency);
    const report = modified(buildReport('2021', year), (r) => {
      r.agency.name = agency.name;
    });
    const version = await archive(world, agency.id, { report });
    const entry = {
      agencyId: agency.id,
      agencyName: agency.name,
      title: report.title,
      version: 1,
      publishedOn: report.publishedOn,
      acceptedAt: version.acceptedAt,
      first: version,
      totals: reportTotals(report),
      hasErrors: false,
      warningCount: 0,
    };
    indexes.set(year, upsertYearEntry(indexes.get(year) ?? emptyYearIndex(year), entry));
    datasets.set(year, upsertDataset(datasets.get(year) ?? emptyDataset(year), agency.id, 1, report));
    catalog = upsertCatalog(catalog, { ...entry, year, amendmentReason: null });
  }
  for (const year of YEARS) {
    await writeStoredJson(world.data, yearIndexKey(year), indexes.get(year));
    await writeStoredJson(world.data, datasetKey(year), datasets.get(year));
  }
  await writeStoredJson(world.data, CATALOG_KEY, catalog);
}

async function measure(existing: number): Promise<{ pages: number; ms: number }> {
  const world = siteWorld();
  await seedArchive(world, existing);
  let pages = 0;
  let ms = 0;
  for (let i = 0; i < MEASURED_FILINGS; i += 1) {
    const agency = agencyOf(`new-agency-${i}`, `新登记机关${i}`);
    await world.agencies.create(agency);
    await archive(world, agency.id, {
      report: modified(buildReport('2021', 2022), (r) => {
        r.agency.name = agency.name;
      }),
    });
    const started = performance.now();
    const update = await publishFiling(world, { agencyId: agency.id, year: 2022 });
    ms += performance.now() - started;
    pages += update.written.length;
  }
  return { pages: pages / MEASURED_FILINGS, ms: Math.round((ms / MEASURED_FILINGS) * 10) / 10 };
}

export async function runSiteBench(log: (line: string) => void = console.log): Promise<SiteBenchFigures> {
  const small = await measure(10);
  log(`  10 reports in the archive:    ${small.pages} files written, ${small.ms} ms per filing`);
  const large = await measure(2000);
  log(`  2,000 reports in the archive: ${large.pages} files written, ${large.ms} ms per filing`);
  return {
    pagesPerFilingAt10: small.pages,
    msPerFilingAt10: small.ms,
    pagesPerFilingAt2000: large.pages,
    msPerFilingAt2000: large.ms,
  };
}
