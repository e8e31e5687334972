// s3rver ships no types for its store; this is the part the atomic store extends.
declare module 's3rver/lib/stores/filesystem.js' {
  import type { Readable } from 'node:stream';

  export type S3Metadata = Record<string, string | number | undefined>;

  export interface S3ObjectLike {
    bucket: string;
    key: string;
    content: Readable | Buffer | null;
    metadata: S3Metadata;
    range?: { start: number; end: number };
  }

  export interface S3ConfigResource {
    readonly type: string;
    toXML(indent?: number): string;
  }

  export default class FilesystemStore {
    constructor(rootDirectory: string);
    readonly rootDirectory: string;
    getResourcePath(bucket: string, key: string | undefined, resource: string): string;
    getMetadata(bucket: string, key: string): Promise<S3Metadata>;
    putMetadata(bucket: string, key: string, metadata: S3Metadata, md5?: string): Promise<void>;
    getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<S3ObjectLike | null>;
    putObject(object: S3ObjectLike): Promise<{ size: number; md5: string }>;
    copyObject(
      srcBucket: string,
      srcKey: string,
      destBucket: string,
      destKey: string,
      replacementMetadata?: S3Metadata,
    ): Promise<S3Metadata>;
    deleteObject(bucket: string, key: string): Promise<void>;
    putSubresource(bucket: string, key: string | undefined, resource: S3ConfigResource): Promise<void>;
  }
}

declare module 's3rver/lib/models/object.js' {
  import type { S3Metadata, S3ObjectLike } from 's3rver/lib/stores/filesystem.js';

  export default class S3Object implements S3ObjectLike {
    constructor(bucket: string, key: string, content: S3ObjectLike['content'], metadata: S3Metadata);
    bucket: string;
    key: string;
    content: S3ObjectLike['content'];
    metadata: S3Metadata;
    range?: { start: number; end: number };
    static ALLOWED_METADATA: readonly string[];
  }
}
