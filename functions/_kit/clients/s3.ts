/** The S3 client, one per container; only the functions that declare a bucket import it. */
import { S3Client } from '@aws-sdk/client-s3';
import { s3ForcePathStyle } from '../config.ts';
import { perContainer } from '../function-environment.ts';

// WHEN_REQUIRED: the default would sign presigned PUTs with the CRC32 of an empty body (and s3rver stores
// aws-chunked framing for streamed bodies); s3rver needs it.
export const s3 = /* @__PURE__ */ perContainer(
  (env) =>
    new S3Client({
      forcePathStyle: s3ForcePathStyle(env),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
);
