/**
 * The archive's index: one entry per published agency-year, keyed by year × shard, so an aggregate is
 * rebuilt from one query of its shard instead of a whole-year object. Beside the entries: each region's
 * summary under its parent (the roll-ups read their children), the shards and years that exist, the
 * latest filings, and rebuild jobs. The port is a small keyed store; DynamoDB and memory implement it.
 */

import type { Page, PageRequest } from '#shared/ports.ts';
import { ExplanationSchema } from '#shared/report/explanations.ts';
import { byRegionPath } from '#shared/site/chinese-order.ts';
import * as z from '#shared/zod.ts';
import { integer, nonNegativeInteger, nullableString, positiveInteger } from '#shared/zod-leaves.ts';
import type { RegionPath } from './regions.ts';

const TotalsSchema = z.lazy(() =>
  z.object({
    received: z.number(),
    granted: z.number(),
    processed: z.number(),
    reviews: z.number(),
    lawsuits: z.number(),
  }),
);

const RegionSchema = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['nation', 'province', 'city', 'county']),
  }),
);

export const ArchiveEntrySchema = z.lazy(() =>
  z.object({
    year: integer,
    agencyId: z.string(),
    agencyName: z.string(),
    title: z.string(),
    version: positiveInteger,
    /** Province, city, county (the shard). */
    path: z.tuple([RegionSchema, RegionSchema, RegionSchema]),
    firstAcceptedAt: z.string(),
    /** The day the first version counts as filed (an imported report's own publication day). */
    filedOn: z.string(),
    acceptedAt: z.string(),
    publishedOn: nullableString,
    canonicalKey: z.string(),
    totals: TotalsSchema,
    hasErrors: z.boolean(),
    warningCount: nonNegativeInteger,
    /** The current version's explanations of its warnings (absent when there are none). */
    explanations: z.optional(z.array(ExplanationSchema)),
  }),
);
export type ArchiveEntry = z.infer<typeof ArchiveEntrySchema>;

export const StatusCountsSchema = z.lazy(() =>
  z.object({
    onTime: integer,
    late: integer,
    missing: integer,
    due: integer,
    /** Filed reports whose automatic check found errors: published, awaiting review. */
    review: integer,
  }),
);
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

export const RegionSummarySchema = z.lazy(() =>
  z.object({
    year: integer,
    region: RegionSchema,
    parent: RegionSchema,
    reports: integer,
    registered: integer,
    status: StatusCountsSchema,
    totals: TotalsSchema,
    /** The province of a city or county (for partitions and breadcrumbs); the region itself for a province. */
    path: z.array(RegionSchema),
  }),
);
export type RegionSummary = z.infer<typeof RegionSummarySchema>;

export const RecentFilingSchema = z.lazy(() =>
  z.object({
    agencyId: z.string(),
    agencyName: z.string(),
    year: integer,
    version: positiveInteger,
    title: z.string(),
    acceptedAt: z.string(),
    amendmentReason: nullableString,
  }),
);
export type RecentFiling = z.infer<typeof RecentFilingSchema>;

/** One item of the index table: a partition, a sort key, and a JSON value. */
export interface IndexItem {
  readonly pk: string;
  readonly sk: string;
  readonly value: unknown;
}

/** A change of one item's fields, made in one write. */
export interface ItemChange {
  readonly set?: Readonly<Record<string, unknown>>;
  /** Added to numeric fields (an absent field counts from 0). */
  readonly add?: Readonly<Record<string, number>>;
  /**
   * A field the change sets to `true`; if it is already set, nothing is written: a step repeated after a
   * failure (its write landed, its answer was lost) is counted once.
   */
  readonly once?: string;
}

export interface ArchiveTable {
  put(item: IndexItem): Promise<void>;
  /** Writes unless the stored item's `version` is higher (events may arrive out of order). */
  putUnlessNewer(item: IndexItem, version: number): Promise<void>;
  get(pk: string, sk: string): Promise<unknown | null>;
  /** Items of a partition in sort-key order (or reversed). */
  query(pk: string, page: PageRequest & { readonly newestFirst?: boolean }): Promise<Page<IndexItem>>;
  /** Adds `by` to a numeric field of the item's value and returns the new value. */
  increment(pk: string, sk: string, field: string, by: number): Promise<number>;
  /** Makes `change` atomically; false, with nothing written, when its `once` field was already set. */
  update(pk: string, sk: string, change: ItemChange): Promise<boolean>;
}

export const entryPk = (year: number, shard: string): string => `ENTRY#${year}#${shard}`;
export const summaryPk = (year: number, parentCode: string): string => `SUMMARY#${year}#${parentCode}`;
export const shardsPk = (year: number): string => `SHARDS#${year}`;
export const regionYearsPk = (code: string): string => `REGION#${code}`;
export const YEARS_PK = 'YEARS';
/** The whole-year files of each year, as the last compaction wrote them (sk: the year). */
export const COMPACTED_PK = 'COMPACTED';
export const RECENT_PK = 'RECENT';

/** Every item of a partition, page by page, without holding more than a page. */
export async function* queryAll(table: ArchiveTable, pk: string, limit = 200): AsyncGenerator<IndexItem> {
  let cursor: string | undefined;
  do {
    const page = await table.query(pk, { limit, cursor });
    yield* page.items;
    cursor = page.cursor;
  } while (cursor !== undefined);
}

export async function listEntries(table: ArchiveTable, year: number, shard: string): Promise<ArchiveEntry[]> {
  const out: ArchiveEntry[] = [];
  for await (const item of queryAll(table, entryPk(year, shard))) out.push(ArchiveEntrySchema.parse(item.value));
  return out;
}

export async function listSummaries(table: ArchiveTable, year: number, parentCode: string): Promise<RegionSummary[]> {
  const out: RegionSummary[] = [];
  for await (const item of queryAll(table, summaryPk(year, parentCode))) {
    out.push(RegionSummarySchema.parse(item.value));
  }
  return out;
}

export async function listYears(table: ArchiveTable): Promise<number[]> {
  const years: number[] = [];
  for await (const item of queryAll(table, YEARS_PK)) years.push(Number(item.sk));
  return years.sort((a, b) => b - a);
}

const ShardPathSchema = z.lazy(() => z.object({ path: z.tuple([RegionSchema, RegionSchema, RegionSchema]) }));

/** A year's county-level shards with where each sits (province, city, county). */
export async function listShardPaths(
  table: ArchiveTable,
  year: number,
): Promise<{ readonly code: string; readonly path: z.infer<typeof ShardPathSchema>['path'] }[]> {
  const shards = [];
  for await (const item of queryAll(table, shardsPk(year))) {
    shards.push({ code: item.sk, path: ShardPathSchema.parse(item.value).path });
  }
  return shards;
}

/** A year's shards in region order — province, city, county names in Chinese collation — as lists print them. */
export async function listShardsInRegionOrder(table: ArchiveTable, year: number): Promise<RegionPath[]> {
  return (await listShardPaths(table, year)).map((shard) => shard.path).sort(byRegionPath);
}

/** Whether the year's whole-year files exist yet (the compaction writes them on its schedule). */
export async function yearFilesExist(table: ArchiveTable, year: number): Promise<boolean> {
  return (await table.get(COMPACTED_PK, String(year))) !== null;
}

export async function listRecent(table: ArchiveTable, limit: number): Promise<RecentFiling[]> {
  const page = await table.query(RECENT_PK, { limit, newestFirst: true });
  return page.items.map((item) => RecentFilingSchema.parse(item.value));
}

/** Sort key of a recent filing: newest first when read backwards, unique per version. */
export const recentSk = (f: RecentFiling): string => `${f.acceptedAt}#${f.agencyId}#${f.year}#${f.version}`;
