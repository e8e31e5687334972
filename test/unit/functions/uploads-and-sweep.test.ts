import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHandler as onUploadCreated } from '../../../functions/events/on-upload-created.ts';
import { createHandler as createUpload } from '../../../functions/http/create-upload.ts';
import { createHandler as getSubmission } from '../../../functions/http/get-submission.ts';
import { createHandler as submitReport } from '../../../functions/http/submit-report.ts';
import { createHandler as publishPending } from '../../../functions/schedules/publish-pending.ts';
import { filingWorld } from '../filing/filing-world.ts';
import { failingFirst } from '../filing/port-faults.ts';
import { bytesOf, SEED_TEXT } from '../filing/seed-report.ts';
import { AGENCY_CALLER, call, httpEvent, lambdaContext, OTHER_CALLER } from './http-event.ts';

const S3_SAMPLE: unknown = JSON.parse(
  readFileSync(new URL('../../../events/samples/s3-object-created.v0.json', import.meta.url), 'utf8'),
);
const UPLOADS_BUCKET = 'gongkai-uploads-bucket';

function objectCreated(key: string, bucket = UPLOADS_BUCKET) {
  const event = structuredClone(S3_SAMPLE) as { detail: { bucket: { name: string }; object: { key: string } } };
  event.detail.bucket.name = bucket;
  event.detail.object.key = key;
  return event;
}

describe('presigned uploads through the handlers', () => {
  it('open with 201 and a URL, are filed from the S3 event, and can be polled by their agency only', async () => {
    const ports = await filingWorld();
    const opened = await call(
      createUpload(() => ports),
      httpEvent('POST /v1/uploads', {
        principal: AGENCY_CALLER,
        body: JSON.stringify({ contentType: 'text/plain; charset=utf-8', fileName: '年报.txt' }),
        contentType: 'application/json',
      }),
    );
    expect(opened.statusCode).toBe(201);
    const { submissionId, upload, maxBytes } = opened.body as {
      submissionId: string;
      upload: { method: string; fields: Record<string, string> };
      maxBytes: number;
    };
    expect(upload.method).toBe('POST');
    expect(upload.fields).toMatchObject({ key: `qujiang-trade-union/${submissionId}` });
    expect(maxBytes).toBe(10 * 1024 * 1024);

    const key = `qujiang-trade-union/${submissionId}`;
    await ports.uploads.put(key, bytesOf(SEED_TEXT), 'text/plain');
    await onUploadCreated(
      () => ports,
      () => UPLOADS_BUCKET,
    )(objectCreated(key), lambdaContext);

    const poll = (principal = AGENCY_CALLER) =>
      call(
        getSubmission(() => ports),
        httpEvent('GET /v1/submissions/{submissionId}', { principal, pathParameters: { submissionId } }),
      );
    expect((await poll()).body).toMatchObject({ status: 'accepted', version: 1, channel: 'upload' });
    const stranger = await poll(OTHER_CALLER);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.body.error?.code).toBe('SUBMISSION_NOT_FOUND');
  });

  it('ignore objects created in any other bucket', async () => {
    const ports = await filingWorld();
    await onUploadCreated(
      () => ports,
      () => UPLOADS_BUCKET,
    )(objectCreated('x/y', 'someone-elses-bucket'), lambdaContext);
    expect(ports.submissions.all()).toEqual([]);
  });

  it('refuse an envelope that is not an S3 Object Created event, so EventBridge retries and dead-letters it', async () => {
    const ports = await filingWorld();
    const handler = onUploadCreated(
      () => ports,
      () => UPLOADS_BUCKET,
    );
    await expect(handler({ 'detail-type': 'Object Created', detail: {} }, lambdaContext)).rejects.toThrow(
      /does not match/,
    );
  });
});

describe('the publish-pending schedule', () => {
  it('publishes the event a filing could not, once', async () => {
    const ports = await filingWorld();
    const flaky = failingFirst(ports.events, 'publish');
    const filed = await call(
      submitReport(() => ({ ...ports, events: flaky })),
      httpEvent('POST /v1/reports', { principal: AGENCY_CALLER, body: SEED_TEXT, contentType: 'text/plain' }),
    );
    expect(filed.statusCode).toBe(201);
    expect(ports.events.published).toEqual([]);
    expect(await publishPending(() => ports)()).toEqual({ settled: 1, failed: 0 });
    expect(await publishPending(() => ports)()).toEqual({ settled: 0, failed: 0 });
    expect(ports.events.published.map((e) => e.detailType)).toEqual(['ReportAccepted']);
  });
});
