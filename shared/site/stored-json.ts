/**
 * Reading and writing the JSON objects the site keeps in the data bucket, parsed once at the boundary.
 * They are derived data: one that does not parse is reported as damaged, never half-trusted, and the
 * site is rebuilt from the stored versions instead (a rebuild job, `shared/archive/rebuild-job.ts`).
 */
import type { $ZodType } from 'zod/v4/core';
import type { BlobStore, StoredBlob } from '#shared/ports.ts';
import * as z from '#shared/zod.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export class DamagedStoredJsonError extends Error {
  override readonly name = 'DamagedStoredJsonError';
  constructor(
    readonly key: string,
    cause: unknown,
  ) {
    super(`stored object ${key} is damaged: ${cause instanceof Error ? cause.message.slice(0, 200) : String(cause)}`);
  }
}

export async function readStoredJson<S extends $ZodType>(
  store: Pick<BlobStore, 'get'>,
  key: string,
  schema: S,
): Promise<z.output<S> | null> {
  const blob = await store.get(key);
  if (blob === null) return null;
  try {
    return z.parse(schema, JSON.parse(new TextDecoder().decode(blob.bytes)));
  } catch (error) {
    throw new DamagedStoredJsonError(key, error);
  }
}

export async function writeStoredJson(store: Pick<BlobStore, 'put'>, key: string, value: unknown): Promise<void> {
  await store.put(key, new TextEncoder().encode(`${JSON.stringify(value)}\n`), JSON_TYPE);
}

/**
 * The data bucket as a rebuild sees it: the site's index objects (`site/…`) start empty and hold only
 * what this rebuild wrote, so nothing stored before — stale or damaged — flows into the new ones.
 */
export function indexesFromScratch(data: BlobStore, prefix: string): BlobStore {
  const written = new Map<string, StoredBlob>();
  const derived = (key: string) => key.startsWith(prefix);
  return {
    async get(key) {
      return derived(key) ? (written.get(key) ?? null) : data.get(key);
    },
    async put(key, bytes, contentType) {
      await data.put(key, bytes, contentType);
      if (derived(key)) written.set(key, { bytes, contentType });
    },
    putIfAbsent: (key, bytes, contentType) => data.putIfAbsent(key, bytes, contentType),
    async size(key) {
      return derived(key) ? (written.get(key)?.bytes.byteLength ?? null) : data.size(key);
    },
  };
}
