/**
 * Wide rows into a Parquet file, one row group per batch, each flushed to the stream as soon as it is
 * encoded: a whole year is written holding one shard's rows at a time (and the footer's row-group list).
 *
 * The writer is loaded when a file is written, not at start: of the archive's tasks only a shard's build and
 * a compaction that finds a year changed write Parquet, and the functions ship the package beside their
 * bundle (`unbundled` in `infra/app.ts`) instead of carrying it into every cold start.
 */
import type { ParquetWriter } from 'hyparquet-writer';
import type { BlobStream } from './archive-ports.ts';
import { concatBytes } from './concat-bytes.ts';
import { type WideRow, wideColumns } from './dataset-formats.ts';

type ColumnData = ConstructorParameters<typeof ParquetWriter>[0]['schema'];

const TYPES = { string: 'STRING', integer: 'INT32', number: 'DOUBLE' } as const;

function columnData(rows: readonly WideRow[]) {
  return wideColumns().map((column, i) => ({
    name: column.name,
    data: rows.map((row) => row[i] ?? null),
    type: TYPES[column.type],
    nullable: true,
  }));
}

let loading: Promise<{ writer: typeof import('hyparquet-writer'); schema: ColumnData }> | undefined;

function parquetWriter() {
  loading ??= import('hyparquet-writer').then((writer) => ({
    writer,
    schema: writer.schemaFromColumnData({ columnData: columnData([]) }),
  }));
  return loading;
}

export interface ParquetStream {
  /** Appends one row group. */
  write(rows: readonly WideRow[]): Promise<void>;
  close(): Promise<void>;
}

export async function parquetStream(out: BlobStream): Promise<ParquetStream> {
  const { writer: parquet, schema } = await parquetWriter();
  const bytes = new parquet.ByteWriter();
  const flush = async (): Promise<void> => {
    if (bytes.index === 0) return;
    const chunk = new Uint8Array(bytes.buffer, 0, bytes.index).slice();
    bytes.index = 0;
    await out.write(chunk);
  };
  Object.assign(bytes, { flush });
  const writer = new parquet.ParquetWriter({ writer: bytes, schema, kvMetadata: [] });
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
  const stream = await parquetStream(sink);
  await stream.write(rows);
  await stream.close();
  return concatBytes(chunks);
}
