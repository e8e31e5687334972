/**
 * The national search index, rebuilt after compaction from the index entries: documents in numbered files
 * of DOCS_PER_FILE (newest year first, then by region and name in Chinese collation, the order results list in),
 * keys hashed into bucket files. A query then reads a few small files.
 */

import { byAgencyName } from '#shared/site/chinese-order.ts';
import { searchKeys } from '#shared/site/search-index.ts';
import { reportUrl, SEARCH_MANIFEST_URL } from '#shared/site/site-paths.ts';
import { siteWriter } from '#shared/site/site-writer.ts';
import { listEntries, listShardsInRegionOrder } from './archive-index.ts';
import type { ArchivePorts } from './archive-ports.ts';
import { bucketCount, DOCS_PER_FILE, keyBucket, searchBucketUrl, searchDocsUrl } from './search-files.ts';

export async function writeSearchIndex(
  ports: Pick<ArchivePorts, 'index' | 'site'>,
  years: readonly number[],
): Promise<void> {
  const out = siteWriter(ports.site);
  const postings = new Map<string, number[]>();
  let docs: object[] = [];
  let count = 0;
  for (const year of years) {
    for (const path of await listShardsInRegionOrder(ports.index, year)) {
      // One county's entries at a time (hundreds at most), so results list by region, then name.
      for (const e of (await listEntries(ports.index, year, path[2].code)).sort(byAgencyName)) {
        const county = e.path[2].name;
        docs.push({ u: reportUrl(e.agencyId, year), n: e.agencyName, t: e.title, y: year, r: county });
        for (const key of new Set([...searchKeys(e.agencyName), ...searchKeys(e.title), ...searchKeys(county)])) {
          const list = postings.get(key);
          if (list === undefined) postings.set(key, [count]);
          else list.push(count);
        }
        count += 1;
        if (docs.length === DOCS_PER_FILE) {
          await out.text(searchDocsUrl(count / DOCS_PER_FILE - 1), JSON.stringify(docs));
          docs = [];
        }
      }
    }
  }
  if (docs.length > 0) await out.text(searchDocsUrl(Math.floor(count / DOCS_PER_FILE)), JSON.stringify(docs));
  const buckets = bucketCount(count);
  const files = Array.from({ length: buckets }, () => ({}) as Record<string, number[]>);
  for (const [key, ids] of postings) (files[keyBucket(key, buckets)] as Record<string, number[]>)[key] = ids;
  for (const [i, file] of files.entries()) await out.text(searchBucketUrl(i), JSON.stringify(file));
  await out.text(SEARCH_MANIFEST_URL, JSON.stringify({ buckets, docsPerFile: DOCS_PER_FILE, docs: count }));
}
