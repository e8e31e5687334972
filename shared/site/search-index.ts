/**
 * The static search index: one shard per year, agency names and titles cut into character bigrams, since
 * Chinese has no spaces to split words on and bigrams are what a two-character query like 曲江 matches.
 */
import { reportUrl, searchShardUrl } from './site-paths.ts';

export interface SearchDocument {
  /** URL of the report. */
  readonly u: string;
  /** Agency name. */
  readonly n: string;
  /** Title. */
  readonly t: string;
  readonly y: number;
  /** Region name (county level), so 曲江 finds every agency of 曲江区. */
  readonly r?: string;
}

export interface SearchSource {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly title: string;
}

export interface SearchShard {
  readonly year: number;
  readonly docs: readonly SearchDocument[];
  /** Bigram → positions in `docs`. */
  readonly bigrams: Readonly<Record<string, readonly number[]>>;
}

/** Lower-cased, without spaces or punctuation, as the script normalises queries. */
export function normaliseSearchText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function bigrams(text: string): string[] {
  const chars = [...normaliseSearchText(text)];
  if (chars.length === 1) return chars;
  return [...new Set(chars.slice(1).map((c, i) => `${chars[i]}${c}`))];
}

/** Bigrams and single characters, so a one-character query finds something too. */
export function searchKeys(text: string): string[] {
  return [...new Set([...bigrams(text), ...normaliseSearchText(text)])];
}

export function buildSearchShard(year: number, entries: readonly SearchSource[], region?: string): SearchShard {
  const docs: SearchDocument[] = entries.map((e) => ({
    u: reportUrl(e.agencyId, year),
    n: e.agencyName,
    t: e.title,
    y: year,
    ...(region === undefined ? {} : { r: region }),
  }));
  const postings = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const gram of new Set([...searchKeys(doc.n), ...searchKeys(doc.t), ...searchKeys(doc.r ?? '')])) {
      const list = postings.get(gram);
      if (list === undefined) postings.set(gram, [i]);
      else list.push(i);
    }
  });
  const sorted = [...postings.keys()].sort();
  return { year, docs, bigrams: Object.fromEntries(sorted.map((g) => [g, postings.get(g) ?? []])) };
}

/** The shards the script loads, newest year first. */
export function searchShardList(years: readonly number[]): { shards: string[] } {
  return { shards: years.map(searchShardUrl) };
}

/** The same lookup the script runs: documents holding every bigram of the query. */
export function searchShard(shard: SearchShard, query: string): SearchDocument[] {
  const grams = bigrams(query);
  if (grams.length === 0) return [];
  const lists = grams.map((g) => new Set(shard.bigrams[g] ?? []));
  const [first, ...rest] = lists;
  return [...(first ?? [])].filter((i) => rest.every((l) => l.has(i))).flatMap((i) => shard.docs[i] ?? []);
}
