/**
 * s3rver's file store, made crash-safe. s3rver writes an object in place (and answers before the bytes
 * are all on disk), so a kill -9 or two writers of one key leave a torn object, and a torn metadata file
 * then fails every later read. Here every file is written to a temporary file (in a sibling directory,
 * so listings never meet it) and renamed into place; the three files of one key change under a per-key
 * lock, readers take a consistent snapshot under it, and a reader streams from the file it opened, so a
 * concurrent overwrite never mixes two versions. Files are not flushed to disk (a local stand-in, like
 * dynalite's LevelDB): a killed process never tears an object; a power cut may lose the last writes.
 * The object rename is the commit point:
 * the checksum file is removed before it and written after it, and is recomputed when missing, so a
 * crash in between never leaves a wrong ETag. Unreadable metadata is reported and read as none.
 */
import { createHash } from 'node:crypto';
import { close, createReadStream, createWriteStream, fstat, open as openFd } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import S3Object from 's3rver/lib/models/object.js';
import FilesystemStore, {
  type S3ConfigResource,
  type S3Metadata,
  type S3ObjectLike,
} from 's3rver/lib/stores/filesystem.js';
import { tempPathFor, writeFileAtomic } from './atomic-file.ts';

const MD5_HEX = /^[0-9a-f]{32}$/;
// Raw descriptors, as s3rver's own streams use: a stream it never reads (HEAD, 304) is destroyed by it.
const openDescriptor = promisify(openFd);
const closeDescriptor = promisify(close);
const statDescriptor = promisify(fstat);

interface Snapshot {
  readonly fd: number;
  readonly metadata: S3Metadata;
}

export class AtomicFilesystemStore extends FilesystemStore {
  readonly #tempDirectory: string;
  readonly #log: (line: string) => void;
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #writeOptions: { readonly tempDirectory: string; readonly durable: false };

  constructor(rootDirectory: string, tempDirectory: string, log: (line: string) => void = () => {}) {
    super(rootDirectory);
    this.#tempDirectory = tempDirectory;
    this.#writeOptions = { tempDirectory, durable: false };
    this.#log = log;
  }

  /** Removes what writes cut short by a crash left behind; call before serving. */
  async sweepTemporaryFiles(): Promise<number> {
    await mkdir(this.#tempDirectory, { recursive: true });
    const left = await readdir(this.#tempDirectory);
    await Promise.all(left.map((name) => rm(`${this.#tempDirectory}/${name}`, { force: true, recursive: true })));
    return left.length;
  }

  override async getMetadata(bucket: string, key: string): Promise<S3Metadata> {
    const objectPath = this.getResourcePath(bucket, key, 'object');
    const snapshot = await this.#exclusive(objectPath, () => this.#openSnapshot(bucket, key));
    await closeDescriptor(snapshot.fd);
    return snapshot.metadata;
  }

  override async getObject(
    bucket: string,
    key: string,
    options?: { start?: number; end?: number },
  ): Promise<S3ObjectLike | null> {
    const objectPath = this.getResourcePath(bucket, key, 'object');
    let snapshot: Snapshot;
    try {
      snapshot = await this.#exclusive(objectPath, () => this.#openSnapshot(bucket, key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const { fd, metadata } = snapshot;
    const lastByte = Math.max(0, Number(metadata['content-length']) - 1);
    const ranged = options !== undefined && (options.start !== undefined || options.end !== undefined);
    const range = { start: options?.start ?? 0, end: Math.min(options?.end ?? Number.POSITIVE_INFINITY, lastByte) };
    const satisfiable = !(range.start < 0 || Math.min(range.end, lastByte) < range.start);
    if (!satisfiable) await closeDescriptor(fd);
    // The stream reads the file this snapshot opened, whatever a later write renames over its path.
    const content = satisfiable ? createReadStream('', { fd, start: range.start, end: range.end }) : null;
    const object = new S3Object(bucket, key, content, metadata);
    if (ranged) object.range = range;
    return object;
  }

  override async putObject(object: S3ObjectLike): Promise<{ size: number; md5: string }> {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    const temp = tempPathFor(objectPath, this.#tempDirectory);
    try {
      const { size, md5 } = await writeContent(temp, object.content);
      await this.#exclusive(objectPath, () => this.#commit(object.bucket, object.key, temp, object.metadata, md5));
      return { size, md5 };
    } finally {
      await rm(temp, { force: true });
    }
  }

  override async copyObject(
    srcBucket: string,
    srcKey: string,
    destBucket: string,
    destKey: string,
    replacementMetadata?: S3Metadata,
  ): Promise<S3Metadata> {
    const srcPath = this.getResourcePath(srcBucket, srcKey, 'object');
    const destPath = this.getResourcePath(destBucket, destKey, 'object');
    if (srcPath === destPath) {
      if (replacementMetadata) {
        await this.#exclusive(destPath, () => this.putMetadata(destBucket, destKey, replacementMetadata));
      }
      return this.getMetadata(destBucket, destKey);
    }
    const temp = tempPathFor(destPath, this.#tempDirectory);
    try {
      const source = await this.#exclusive(srcPath, async () => {
        const snapshot = await this.#openSnapshot(srcBucket, srcKey);
        await closeDescriptor(snapshot.fd);
        await copyFile(srcPath, temp);
        return snapshot.metadata;
      });
      const md5 = String(source.etag ?? '').replaceAll('"', '');
      await this.#exclusive(destPath, () =>
        this.#commit(destBucket, destKey, temp, replacementMetadata ?? source, md5),
      );
    } finally {
      await rm(temp, { force: true });
    }
    return this.getMetadata(destBucket, destKey);
  }

  override async putMetadata(bucket: string, key: string, metadata: S3Metadata, md5?: string): Promise<void> {
    const json = Object.fromEntries(
      Object.entries(metadata).filter(
        ([name]) => S3Object.ALLOWED_METADATA.includes(name) || name.startsWith('x-amz-meta-'),
      ),
    );
    const objectPath = this.getResourcePath(bucket, key, 'object');
    await mkdir(dirname(objectPath), { recursive: true });
    await writeFileAtomic(this.getResourcePath(bucket, key, 'metadata.json'), JSON.stringify(json, null, 2), {
      tempDirectory: this.#tempDirectory,
    });
    if (md5) await writeFileAtomic(`${objectPath}.md5`, md5, this.#writeOptions);
  }

  override async deleteObject(bucket: string, key: string): Promise<void> {
    await this.#exclusive(this.getResourcePath(bucket, key, 'object'), () => super.deleteObject(bucket, key));
  }

  override async putSubresource(bucket: string, key: string | undefined, resource: S3ConfigResource): Promise<void> {
    const path = this.getResourcePath(bucket, key, `${resource.type}.xml`);
    await writeFileAtomic(path, resource.toXML(2), this.#writeOptions);
  }

  /** Metadata first, then the object (the commit), then its checksum; see the module comment. */
  async #commit(bucket: string, key: string, temp: string, metadata: S3Metadata, md5: string): Promise<void> {
    const objectPath = this.getResourcePath(bucket, key, 'object');
    await this.putMetadata(bucket, key, metadata);
    await rm(`${objectPath}.md5`, { force: true });
    await rename(temp, objectPath);
    if (MD5_HEX.test(md5)) await writeFileAtomic(`${objectPath}.md5`, md5, this.#writeOptions);
  }

  /** Opens the object and reads its metadata and checksum as one version; the caller closes the file. */
  async #openSnapshot(bucket: string, key: string): Promise<Snapshot> {
    const objectPath = this.getResourcePath(bucket, key, 'object');
    const fd = await openDescriptor(objectPath, 'r');
    try {
      const stat = await statDescriptor(fd);
      const stored = await this.#readStoredMetadata(this.getResourcePath(bucket, key, 'metadata.json'));
      const md5 = await this.#readChecksum(objectPath);
      return {
        fd,
        metadata: {
          ...stored,
          etag: JSON.stringify(md5),
          'last-modified': stat.mtime.toUTCString(),
          'content-length': stat.size,
        },
      };
    } catch (error) {
      await closeDescriptor(fd);
      throw error;
    }
  }

  async #readStoredMetadata(path: string): Promise<S3Metadata | undefined> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as S3Metadata;
    } catch {
      // reported below
    }
    // Replaced (under the key's lock) by empty metadata, so it is reported once, not on every read.
    this.#log(`s3: replaced unreadable metadata ${path}`);
    await writeFileAtomic(path, '{}', this.#writeOptions);
    return undefined;
  }

  async #readChecksum(objectPath: string): Promise<string> {
    const stored = await readFile(`${objectPath}.md5`, 'utf8').catch(() => '');
    if (MD5_HEX.test(stored)) return stored;
    const md5 = await md5OfFile(objectPath);
    await writeFileAtomic(`${objectPath}.md5`, md5, this.#writeOptions);
    return md5;
  }

  /** Runs `work` after every earlier piece of work on the same path (within this process) has ended. */
  async #exclusive<T>(path: string, work: () => Promise<T>): Promise<T> {
    const before = this.#locks.get(path) ?? Promise.resolve();
    const result = before.then(work, work);
    const settled = result.catch(() => undefined);
    this.#locks.set(path, settled);
    try {
      return await result;
    } finally {
      if (this.#locks.get(path) === settled) this.#locks.delete(path);
    }
  }
}

/** Streams the content to `path`, hashing it, and returns once every byte is on disk. */
async function writeContent(path: string, content: S3ObjectLike['content']): Promise<{ size: number; md5: string }> {
  await mkdir(dirname(path), { recursive: true });
  const hash = createHash('md5');
  let size = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  const source = Buffer.isBuffer(content) ? [content] : (content ?? []);
  await pipeline(source, counting, createWriteStream(path));
  return { size, md5: hash.digest('hex') };
}

async function md5OfFile(path: string): Promise<string> {
  const hash = createHash('md5');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
