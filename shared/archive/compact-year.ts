/**
 * One year's whole-year files (`/data/{year}.csv|json|parquet`), concatenated from the shards' parts in region
 * order. Each file is streamed: one shard's part is held at a time, and the output goes out in parts, so memory
 * stays flat however large the year.
 */
import { createHash } from 'node:crypto';
import {
  datasetCsvUrl,
  datasetJsonUrl,
  datasetParquetUrl,
  datasetWideCsvUrl,
  SCHEMA_URL,
  siteKey,
} from '#shared/site/site-paths.ts';
import { listShardsInRegionOrder } from './archive-index.ts';
import type { BlobStream } from './archive-ports.ts';
import type { CompactionPorts } from './compaction.ts';
import type { YearFiles } from './data-catalog.ts';
import { LONG_CSV_HEAD, wideColumns, wideCsvHeader } from './dataset-formats.ts';
import { parquetStream } from './parquet-stream.ts';
import { PART_FORMATS, partUrl } from './shard-parts.ts';

interface Hashed extends BlobStream {
  readonly digest: () => { sha256: string; bytes: number };
}

async function hashedStream(ports: CompactionPorts, url: string, contentType: string): Promise<Hashed> {
  const inner = await ports.site.open(siteKey(url), contentType);
  const hash = createHash('sha256');
  let bytes = 0;
  return {
    async write(chunk) {
      hash.update(chunk);
      bytes += chunk.length;
      await inner.write(chunk);
    },
    close: () => inner.close(),
    abort: () => inner.abort(),
    digest: () => ({ sha256: hash.digest('hex'), bytes }),
  };
}

/** The part without its header lines (the BOM and `lines` CSV header rows). */
function bodyOf(text: string, lines: number): string {
  let at = 0;
  for (let i = 0; i < lines; i += 1) at = text.indexOf('\r\n', at) + 2;
  return text.slice(at);
}

/** A wide part's rows: after its header (a part from before the Chinese header had the names above it). */
function wideBodyOf(text: string): string {
  const at = text.indexOf(wideCsvHeader());
  return at === -1 ? bodyOf(text, 1) : text.slice(at + wideCsvHeader().length);
}

export async function compactYear(ports: CompactionPorts, year: number): Promise<YearFiles> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const csv = await hashedStream(ports, datasetCsvUrl(year), PART_FORMATS.csv.contentType);
  const wideCsv = await hashedStream(ports, datasetWideCsvUrl(year), PART_FORMATS.wide.contentType);
  const json = await hashedStream(ports, datasetJsonUrl(year), 'application/json; charset=utf-8');
  const pq = await hashedStream(ports, datasetParquetUrl(year), PART_FORMATS.parquet.contentType);
  const streams = [csv, wideCsv, json, pq];
  try {
    const parquet = await parquetStream(pq);
    await csv.write(encoder.encode(LONG_CSV_HEAD));
    await wideCsv.write(encoder.encode(`\uFEFF${wideCsvHeader()}`));
    await json.write(encoder.encode(`{"year":${year},"schema":${JSON.stringify(SCHEMA_URL)},"reports":[`));
    let first = true;
    let reports = 0;
    for (const path of await listShardsInRegionOrder(ports.index, year)) {
      const part = async (format: keyof typeof PART_FORMATS) =>
        (await ports.site.get(partUrl(format, year, path).slice(1)))?.bytes ?? null;
      const long = await part('csv');
      if (long !== null) await csv.write(encoder.encode(bodyOf(decoder.decode(long), 1)));
      const wideText = await part('wide');
      if (wideText !== null) await wideCsv.write(encoder.encode(wideBodyOf(decoder.decode(wideText))));
      const lines = await part('jsonl');
      if (lines !== null) {
        for (const line of decoder.decode(lines).split('\n')) {
          if (line === '') continue;
          await json.write(encoder.encode(`${first ? '' : ','}\n${line}`));
          first = false;
          reports += 1;
        }
      }
      const wide = await part('parquet');
      if (wide !== null) await parquet.write(await parquetRows(wide));
    }
    await json.write(encoder.encode('\n]}\n'));
    await csv.close();
    await wideCsv.close();
    await json.close();
    await parquet.close();
    return {
      year,
      reports,
      csv: csv.digest(),
      wideCsv: wideCsv.digest(),
      json: json.digest(),
      parquet: pq.digest(),
    };
  } catch (error) {
    await Promise.all(streams.map((s) => s.abort()));
    throw error;
  }
}

/** The rows of a shard's Parquet part, read back so the year file has identical columns. */
async function parquetRows(bytes: Uint8Array) {
  const { parquetReadObjects } = await import('hyparquet');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const objects = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
  return objects.map((o) => wideColumns().map((c) => (o[c.name] ?? null) as string | number | null));
}
