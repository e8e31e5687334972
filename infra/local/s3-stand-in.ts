/**
 * s3rver on disk, with the fixes it needs next to the current SDK: the DES shim (continuation
 * tokens), a CopySource rewrite (real S3 decodes `%2F` and UTF-8 in `x-amz-copy-source`, s3rver
 * only `decodeURI`s it), and — set by the runner — WHEN_REQUIRED checksums, without which the
 * SDK's aws-chunked stream uploads are stored with their framing. Its file store is replaced by one
 * that writes atomically (`atomic-s3-store.ts`), with its temporary files in `<directory>.tmp`.
 * Browser POST uploads are checked against their signed policy first (`s3-post-policy.ts`), as S3
 * checks them; s3rver would store any.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import S3rver from 's3rver';
import { AtomicFilesystemStore } from './atomic-s3-store.ts';
import { installDesShim } from './des-shim.ts';
import type { S3NotificationRecord } from './event-envelopes.ts';
import { closeServer, listen } from './http-io.ts';
import { handlePostUpload } from './s3-post-policy.ts';

export interface S3BucketSetup {
  readonly name: string;
  /** Browsers POST presigned forms from the upload page, which is served from another origin. */
  readonly browserUploads: boolean;
}

export interface S3StandIn {
  readonly endpoint: string;
  /** Object created/removed records, as S3 would send to a notification target. */
  onObjectEvent(listener: (record: S3NotificationRecord) => void): void;
  close(): Promise<void>;
}

/** The part of s3rver (a Koa app) used here; its published types omit the event emitter. */
interface S3rverApp {
  store: unknown;
  context: { store: unknown };
  configureBuckets(): Promise<void>;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  on(event: 'event', listener: (notification: { Records: S3NotificationRecord[] }) => void): void;
  logger?: { close(): void; exceptions: { unhandle(): void } };
}

const BROWSER_UPLOAD_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
  </CORSRule>
</CORSConfiguration>`;

export async function startS3StandIn(
  directory: string,
  buckets: readonly S3BucketSetup[],
  port = 0,
  log: (line: string) => void = () => {},
): Promise<S3StandIn> {
  installDesShim();
  const s3rver = new S3rver({
    directory,
    silent: true,
    // Path-style only: bucket names must never be read from the Host header (127.0.0.1).
    vhostBuckets: false,
    configureBuckets: buckets.map((bucket) => ({
      name: bucket.name,
      configs: bucket.browserUploads ? [BROWSER_UPLOAD_CORS] : [],
    })),
  }) as unknown as S3rverApp;
  const store = new AtomicFilesystemStore(directory, `${directory}.tmp`, log);
  const swept = await store.sweepTemporaryFiles();
  if (swept > 0) log(`s3: removed ${swept} partial write(s) left by an earlier stop`);
  // Controllers reach the store through the Koa context; s3rver's own methods through `store`.
  s3rver.store = store;
  s3rver.context.store = store;
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const server = createServer((req, res) => {
    normalizeCopySource(req);
    if (!handlePostUpload(req, res, handle)) handle(req, res);
  });
  const endpoint = await listen(server, port);
  return {
    endpoint,
    onObjectEvent(listener) {
      s3rver.on('event', (notification) => {
        for (const record of notification.Records) listener(record);
      });
    },
    async close() {
      await closeServer(server);
      s3rver.logger?.exceptions.unhandle();
      s3rver.logger?.close();
    },
  };
}

/**
 * Rewrites `x-amz-copy-source` so s3rver's `decodeURI` yields the real key whichever way the client
 * encoded it (per segment, or whole-path with `%2F`): decode fully, then re-encode with `encodeURI`.
 */
export function normalizeCopySource(req: IncomingMessage): void {
  const header = req.headers['x-amz-copy-source'];
  if (typeof header !== 'string') return;
  // s3rver keeps no versions, and would read a `?versionId=` suffix as part of the key.
  const path = header.split('?')[0] ?? '';
  try {
    req.headers['x-amz-copy-source'] = encodeURI(decodeURIComponent(path));
  } catch {
    // an undecodable header is left for s3rver to reject
  }
}
