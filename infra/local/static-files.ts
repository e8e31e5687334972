/**
 * Static files next to the API, as CloudFront serves them on AWS: the public site from its bucket
 * at `/`, and plain folders (the upload page) at their own prefixes. A source answers one path or
 * says it has nothing; the gateway asks the mounts in order.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  /** The object's Content-Disposition metadata, which S3 (and so CloudFront) sends with it. */
  readonly contentDisposition?: string;
}

/** Looks up a path below the mount (no leading slash, already decoded); undefined when absent. */
export type StaticSource = (relativePath: string) => Promise<StaticFile | undefined>;

export interface StaticMount {
  readonly prefix: string;
  readonly source: StaticSource;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** `a/` and `` mean the folder's index.html, as the site's CloudFront default root object does. */
export function indexPath(relativePath: string): string {
  return relativePath === '' || relativePath.endsWith('/') ? `${relativePath}index.html` : relativePath;
}

/** Serves a folder on disk; paths escaping it are treated as absent. */
export function folderSource(dir: string): StaticSource {
  return async (relativePath) => {
    const file = normalize(join(dir, indexPath(relativePath)));
    if (!file.startsWith(normalize(dir) + sep)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    return { body: await readFile(file), contentType: contentTypeOf(file) };
  };
}

/** Serves a bucket through the S3 API (the site bucket is private on AWS too; only the CDN reads it). */
export function bucketSource(s3: S3Client, bucket: string): StaticSource {
  return async (relativePath) => {
    const key = indexPath(relativePath);
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const bytes = await object.Body?.transformToByteArray();
      return {
        body: Buffer.from(bytes ?? []),
        contentType: object.ContentType ?? contentTypeOf(key),
        ...(object.ContentDisposition === undefined ? {} : { contentDisposition: object.ContentDisposition }),
      };
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  };
}

/** Finds the first mount whose prefix covers the path and that has the file. */
export async function findStaticFile(mounts: readonly StaticMount[], path: string): Promise<StaticFile | undefined> {
  for (const mount of mounts) {
    if (!path.startsWith(mount.prefix)) continue;
    const found = await mount.source(path.slice(mount.prefix.length));
    if (found) return found;
  }
  return undefined;
}
