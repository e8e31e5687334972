/** The site bucket alone, read-only: for the function that serves the 404 page. */
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';
import { s3 } from '../clients/s3.ts';
import { bucketName } from '../config.ts';
import { perContainer } from '../function-environment.ts';

export const siteObjects = perContainer((env) => new S3BlobStore(s3(), bucketName('site', env)));
