/**
 * The whole-year files (`/data/{year}.csv|json|parquet`, `compact-year.ts`), concatenated from the shards'
 * parts by a scheduled job, not per filing. Only years changed since the last run are rewritten; then the data
 * package, the DCAT catalog, the checksums, the licence and the national search index.
 *
 * The job runs every quarter of an hour and most runs find no year changed: the writing of the files (the
 * dataset columns, the catalog, the search index, Parquet) is loaded when a year needs it, so such a run
 * evaluates only the index reads.
 */
import * as z from '#shared/zod.ts';
import { COMPACTED_PK, listYears, YEARS_PK } from './archive-index.ts';
import type { ArchivePorts } from './archive-ports.ts';
import { windowFor } from './archive-tasks.ts';
import type { YearFiles } from './data-catalog.ts';

// Files of a run before the wide CSV existed lack it: that year is compacted again.
const CompactedSchema = z.lazy(() =>
  z.object({
    changes: z.number(),
    files: z.custom<YearFiles>((files) => typeof files === 'object' && files !== null && 'wideCsv' in files),
  }),
);

/** What a compaction reads and writes: the index, the site's files, the queue for the year pages. */
export type CompactionPorts = Pick<ArchivePorts, 'clock' | 'index' | 'site' | 'queue' | 'queueDelays' | 'siteUrl'>;

export interface CompactionResult {
  readonly years: readonly number[];
  readonly compacted: readonly number[];
}

export async function compactArchive(
  ports: CompactionPorts,
  options: { readonly force?: boolean } = {},
): Promise<CompactionResult> {
  const years = await listYears(ports.index);
  const compacted: number[] = [];
  const files: YearFiles[] = [];
  for (const year of years) {
    const changed = (await ports.index.get(YEARS_PK, String(year))) as { changes?: number } | null;
    const changes = changed?.changes ?? 0;
    const stored = await ports.index.get(COMPACTED_PK, String(year));
    const done = CompactedSchema.safeParse(stored);
    if (!options.force && done.success && done.data.changes >= changes) {
      files.push(done.data.files);
      continue;
    }
    const { compactYear } = await import('./compact-year.ts');
    const yearFiles = await compactYear(ports, year);
    await ports.index.put({ pk: COMPACTED_PK, sk: String(year), value: { changes, files: yearFiles } });
    files.push(yearFiles);
    compacted.push(year);
    // The year page links the files only once they exist: its first files are news for it.
    if (stored === null) await ports.queue.send([{ kind: 'nation', year, window: windowFor(ports, 'nation') }]);
  }
  if (compacted.length > 0 || options.force) {
    const { writeCatalogFiles } = await import('./data-catalog.ts');
    const { writeSearchIndex } = await import('./search-build.ts');
    await writeCatalogFiles(ports, files);
    await writeSearchIndex(ports, years);
  }
  return { years, compacted };
}
