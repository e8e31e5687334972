/** Writes finished files into the site bucket with the Content-Type each kind needs, and counts them. */
import type { BlobStore, PutOptions } from '#shared/ports.ts';
import { siteKey } from './site-paths.ts';

const TYPES: readonly [RegExp, string][] = [
  [/\.html$/, 'text/html; charset=utf-8'],
  [/\.css$/, 'text/css; charset=utf-8'],
  [/\.js$/, 'text/javascript; charset=utf-8'],
  [/\.json$/, 'application/json; charset=utf-8'],
  [/\.csv$/, 'text/csv; charset=utf-8'],
  [/\.jsonl$/, 'application/jsonl; charset=utf-8'],
  [/\.parquet$/, 'application/vnd.apache.parquet'],
  [/\.txt$|SHA256SUMS$/, 'text/plain; charset=utf-8'],
  [/\.xml$/, 'application/xml; charset=utf-8'],
  // XSLT must come with an XML type for a browser to apply it.
  [/\.xsl$/, 'text/xsl; charset=utf-8'],
];

export function siteContentType(key: string): string {
  return TYPES.find(([pattern]) => pattern.test(key))?.[1] ?? 'application/octet-stream';
}

export interface SiteWriter {
  /** Writes text at a site URL (directory URLs become their index.html). */
  text(url: string, body: string): Promise<void>;
  bytes(url: string, body: Uint8Array, contentType: string, options?: PutOptions): Promise<void>;
  readonly written: readonly string[];
}

export function siteWriter(site: Pick<BlobStore, 'put'>): SiteWriter {
  const written: string[] = [];
  const encoder = new TextEncoder();
  return {
    written,
    async text(url, body) {
      const key = siteKey(url);
      await site.put(key, encoder.encode(body), siteContentType(key));
      written.push(key);
    },
    async bytes(url, body, contentType, options) {
      const key = siteKey(url);
      await site.put(key, body, contentType, options);
      written.push(key);
    },
  };
}
