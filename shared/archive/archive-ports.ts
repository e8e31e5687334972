/**
 * What the archive's use cases read and write: the page builder's ports, the index table, the task queues
 * and a streaming writer for the whole-year files. Each job names the part it uses (`IndexPorts`,
 * `PagesPorts`, …), so each function's composition root builds only those adapters.
 */
import type { BlobStore } from '#shared/ports.ts';
import type { SitePorts } from '#shared/site/site-ports.ts';
import type { ArchiveTable } from './archive-index.ts';
import type { QueueDelays, TaskQueue } from './archive-tasks.ts';

/** A file written in parts, so a file larger than memory can be written with memory bounded by one part. */
export interface BlobStream {
  write(bytes: Uint8Array): Promise<void>;
  /** Completes the object; nothing is visible at the key before this resolves. */
  close(): Promise<void>;
  /** Discards what was written. */
  abort(): Promise<void>;
}

export interface StreamingBlobStore {
  open(key: string, contentType: string): Promise<BlobStream>;
}

export interface ArchivePorts extends Omit<SitePorts, 'site'> {
  readonly site: Pick<BlobStore, 'put' | 'get'> & StreamingBlobStore;
  readonly index: ArchiveTable;
  readonly queue: TaskQueue;
  /** The delivery delay of each queue the function sends to, which is also the batching window of its tasks. */
  readonly queueDelays: QueueDelays;
}

/** Indexing a filing and queueing its work: no page is rendered, no site file written. */
export type IndexPorts = Pick<ArchivePorts, 'clock' | 'versions' | 'data' | 'index' | 'queue' | 'queueDelays'> & {
  readonly agencies: Pick<ArchivePorts['agencies'], 'get'>;
};

/** An agency's pages: its versions, their reports, originals and findings, the index's titles; no queue. */
export type PagesPorts = Pick<
  ArchivePorts,
  'clock' | 'versions' | 'submissions' | 'originals' | 'data' | 'deadlines'
> & {
  readonly agencies: Pick<ArchivePorts['agencies'], 'get'>;
  readonly site: Pick<BlobStore, 'put'>;
  readonly index: Pick<ArchiveTable, 'get'>;
};

/** A shard's build: the index, the registry's agencies of the region, the reports for the parts, the site. */
export type ShardPorts = Pick<
  ArchivePorts,
  'clock' | 'agencies' | 'data' | 'index' | 'queue' | 'queueDelays' | 'deadlines' | 'siteUrl'
> & { readonly site: Pick<BlobStore, 'put'> };

/** The roll-ups: the index (the children's summaries, the years, the recent list) and the site. */
export type AggregatePorts = Pick<ArchivePorts, 'clock' | 'index' | 'queue' | 'queueDelays' | 'siteUrl'> & {
  readonly site: Pick<BlobStore, 'put'>;
};

/** A rebuild job's steps: the registry's agencies, and what indexing their filings reads and writes. */
export type RebuildPorts = IndexPorts & { readonly agencies: Pick<ArchivePorts['agencies'], 'get' | 'list'> };
