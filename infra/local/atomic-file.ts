/**
 * Replacing a file so that a reader, a concurrent writer or a kill -9 only ever sees the old bytes or
 * the new ones: write a temporary file beside it, flush it to disk, rename it over the target (atomic
 * on POSIX), then flush the directory so the rename itself survives a power cut.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files start with this, so listings can skip them and a restart can sweep them. */
export const TEMP_PREFIX = '.tmp-';

/** A fresh temporary path for `path`, in `directory` (beside it by default; same file system either way). */
export function tempPathFor(path: string, directory = dirname(path)): string {
  return join(directory, `${TEMP_PREFIX}${basename(path)}.${randomBytes(6).toString('hex')}`);
}

export interface AtomicWriteOptions {
  /** Where the temporary file goes (default: beside the target). */
  readonly tempDirectory?: string;
  readonly mode?: number;
  /**
   * Flush the file and its directory to disk (default). Without it the replacement is still atomic for
   * readers, writers and a killed process; only a power cut may lose it.
   */
  readonly durable?: boolean;
}

export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  { tempDirectory, mode = 0o644, durable = true }: AtomicWriteOptions = {},
): Promise<void> {
  const temp = tempPathFor(path, tempDirectory);
  try {
    const file = await open(temp, 'w', mode);
    try {
      await file.writeFile(data);
      if (durable) await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (durable) await syncDirectory(dirname(path));
}

/** Makes a rename or a new file in `directory` durable; a no-op where directories cannot be opened. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // some file systems refuse fsync on a directory; the rename is still atomic there
  } finally {
    await handle.close();
  }
}
