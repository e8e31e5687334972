/** Where a shard's dataset parts live: Hive-style partitions, so Athena and Spark read them as tables. */
import type { Region } from './regions.ts';

export const PART_FORMATS = {
  csv: { folder: 'csv', file: 'part.csv', contentType: 'text/csv; charset=utf-8' },
  wide: { folder: 'wide-csv', file: 'part.csv', contentType: 'text/csv; charset=utf-8' },
  jsonl: { folder: 'jsonl', file: 'part.jsonl', contentType: 'application/jsonl; charset=utf-8' },
  parquet: { folder: 'parquet', file: 'part.parquet', contentType: 'application/vnd.apache.parquet' },
} as const;
export type PartFormat = keyof typeof PART_FORMATS;

/** The prefix of every part of a format, the location of its Glue table. */
export const partsPrefix = (format: PartFormat): string => `/data/parts/${PART_FORMATS[format].folder}/`;

export function partUrl(format: PartFormat, year: number, path: readonly [Region, Region, Region]): string {
  const [province, , county] = path;
  return `${partsPrefix(format)}year=${year}/province=${encodeURIComponent(province.code)}/county=${encodeURIComponent(county.code)}/${PART_FORMATS[format].file}`;
}
