/** Where the search files live: one per shard and year, and the word-bucketed national index. */
export const searchShardOfRegionUrl = (year: number, code: string): string =>
  `/search/regions/${year}/${encodeURIComponent(code)}.json`;

/** The national index: keys (bigrams and single characters) hashed into buckets, documents in numbered files. */
export const searchBucketUrl = (bucket: number): string => `/search/keys/${bucket}.json`;
export const searchDocsUrl = (file: number): string => `/search/docs/${file}.json`;
export const DOCS_PER_FILE = 500;

export interface SearchManifest {
  readonly buckets: number;
  readonly docsPerFile: number;
  readonly docs: number;
}

/** FNV-1a over UTF-16 code units; the search script computes the same. */
export function keyBucket(key: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % buckets;
}

/** About 64 documents' keys per bucket file, a power of two between 1 and 4096 buckets. */
export function bucketCount(docs: number): number {
  let n = 1;
  while (n < 4096 && n * 64 < docs) n *= 2;
  return n;
}
