/** Reading and writing the JSON objects the site keeps in the data bucket, parsed once at the boundary. */
import type { z } from 'zod';
import type { BlobStore } from '#shared/ports.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export async function readStoredJson<S extends z.ZodType>(
  store: Pick<BlobStore, 'get'>,
  key: string,
  schema: S,
): Promise<z.output<S> | null> {
  const blob = await store.get(key);
  if (blob === null) return null;
  return schema.parse(JSON.parse(new TextDecoder().decode(blob.bytes)));
}

export async function writeStoredJson(store: Pick<BlobStore, 'put'>, key: string, value: unknown): Promise<void> {
  await store.put(key, new TextEncoder().encode(`${JSON.stringify(value)}\n`), JSON_TYPE);
}
