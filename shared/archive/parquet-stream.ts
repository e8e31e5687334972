/**
 * Wide rows into a Parquet file, one row group per batch, each flushed to the stream as soon as it is
 * encoded: a whole year is written holding one shard's rows at a time (and the footer's row-group list).
 */
import { ByteWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import type { BlobStream } from './archive-ports.ts';
import { WIDE_COLUMNS, type WideRow } from './dataset-formats.ts';

type ColumnData = ConstructorParameters<typeof ParquetWriter>[0]['schema'];

const TYPES = { string: 'STRING', integer: 'INT32', number: 'DOUBLE' } as const;

function columnData(rows: readonly WideRow[]) {
  return WIDE_COLUMNS.map((column, i) => ({
    name: column.name,
    data: rows.map((row) => row[i] ?? null),
    type: TYPES[column.type],
    nullable: true,
  }));
}

const SCHEMA: ColumnData = schemaFromColumnData({ columnData: columnData([]) });

export interface ParquetStream {
  /** Appends one row group. */
  write(rows: readonly WideRow[]): Promise<void>;
  close(): Promise<void>;
}

export function parquetStream(out: BlobStream): ParquetStream {
  const bytes = new ByteWriter();
  const flush = async (): Promise<void> => {
    if (bytes.index === 0) return;
    const chunk = new Uint8Array(bytes.buffer, 0, bytes.index).slice();
    bytes.index = 0;
    await out.write(chunk);
  };
  Object.assign(bytes, { flush });
  const writer = new ParquetWriter({ writer: bytes, schema: SCHEMA, kvMetadata: [] });
  return {
    async write(rows) {
      if (rows.length === 0) return;
      await writer.write({ columnData: columnData(rows), rowGroupSize: rows.length });
      await flush();
    },
    async close() {
      await writer.finish();
      await flush();
      await out.close();
    },
  };
}

/** A Parquet file of a few rows, in memory (a shard's part). */
export async function parquetBytes(rows: readonly WideRow[]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const sink: BlobStream = {
    write: async (c) => {
      chunks.push(c);
    },
    close: async () => {},
    abort: async () => {},
  };
  const stream = parquetStream(sink);
  await stream.write(rows);
  await stream.close();
  return concatBytes(chunks);
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
