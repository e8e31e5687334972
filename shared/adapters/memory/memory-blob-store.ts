import type { BlobStore, PutOptions, StoredBlob } from '#shared/ports.ts';

export class MemoryBlobStore implements BlobStore {
  readonly #blobs = new Map<string, StoredBlob>();

  async put(key: string, bytes: Uint8Array, contentType: string, options: PutOptions = {}): Promise<void> {
    const disposition =
      options.contentDisposition === undefined ? {} : { contentDisposition: options.contentDisposition };
    this.#blobs.set(key, { bytes: new Uint8Array(bytes), contentType, ...disposition });
  }

  async putIfAbsent(key: string, bytes: Uint8Array, contentType: string): Promise<boolean> {
    if (this.#blobs.has(key)) return false;
    await this.put(key, bytes, contentType);
    return true;
  }

  async get(key: string): Promise<StoredBlob | null> {
    const blob = this.#blobs.get(key);
    return blob ? { ...blob, bytes: new Uint8Array(blob.bytes) } : null;
  }

  async size(key: string): Promise<number | null> {
    return this.#blobs.get(key)?.bytes.length ?? null;
  }

  keys(): string[] {
    return [...this.#blobs.keys()].sort();
  }
}
