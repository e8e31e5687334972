/**
 * What the archive's use cases read and write: the page builder's ports, the index table, the task queue
 * and a streaming writer for the whole-year files.
 */
import type { BlobStore } from '#shared/ports.ts';
import type { SitePorts } from '#shared/site/site-ports.ts';
import type { ArchiveTable } from './archive-index.ts';
import type { TaskQueue } from './archive-tasks.ts';

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
  /** The queue's delivery delay, which is also the batching window of the tasks sent. */
  readonly queueDelaySeconds: number;
}
