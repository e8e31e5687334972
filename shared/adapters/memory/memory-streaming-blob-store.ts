import type { BlobStream, StreamingBlobStore } from '#shared/archive/archive-ports.ts';
import { concatBytes } from '#shared/archive/concat-bytes.ts';
import { MemoryBlobStore } from './memory-blob-store.ts';

/** A memory bucket that also takes streamed objects, visible only once closed (like a multipart upload). */
export class MemoryStreamingBlobStore extends MemoryBlobStore implements StreamingBlobStore {
  async open(key: string, contentType: string): Promise<BlobStream> {
    let chunks: Uint8Array[] = [];
    return {
      write: async (bytes) => {
        chunks.push(bytes.slice());
      },
      close: async () => {
        await this.put(key, concatBytes(chunks), contentType);
        chunks = [];
      },
      abort: async () => {
        chunks = [];
      },
    };
  }
}
