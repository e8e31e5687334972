import { describe, expect, it } from 'vitest';
import { envelopeSchema } from '../../../events/define-event.ts';
import { S3ObjectCreated } from '../../../events/s3-object-created.ts';
import {
  buildBusEnvelope,
  buildS3Envelope,
  buildScheduledEvent,
  MalformedDetailError,
  type S3NotificationRecord,
} from '../../../infra/local/event-envelopes.ts';

const identity = { id: '5d1f2c3a-0000-4000-8000-000000000001', now: new Date('2026-03-01T08:30:15.123Z') };

function s3Record(eventName: string, key: string): S3NotificationRecord {
  return {
    eventName,
    eventTime: '2026-03-01T08:30:15.456Z',
    requestParameters: { sourceIPAddress: '::ffff:127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'N4N7GDK58NMKJ12R' },
    s3: {
      bucket: { name: 'gongkai-uploads' },
      object: { key, size: 6790, eTag: 'b1946ac92492d2347c6235b4d2611184', sequencer: '19C8F0A1B2C' },
    },
  };
}

describe('buildBusEnvelope', () => {
  it('wraps a PutEvents entry in the full EventBridge envelope', () => {
    const envelope = buildBusEnvelope(
      { Source: 'gongkai.filing', DetailType: 'ReportAccepted', Detail: '{"agencyId":"qujiang-trade-union"}' },
      identity,
    );
    expect(envelope).toEqual({
      version: '0',
      id: identity.id,
      'detail-type': 'ReportAccepted',
      source: 'gongkai.filing',
      account: '000000000000',
      time: '2026-03-01T08:30:15Z',
      region: 'us-east-1',
      resources: [],
      detail: { agencyId: 'qujiang-trade-union' },
    });
  });

  it('takes the entry time (epoch seconds on the wire) and resources when given', () => {
    const envelope = buildBusEnvelope(
      { Source: 's', DetailType: 'T', Detail: '{}', Time: 1_767_225_600, Resources: ['arn:x'] },
      identity,
    );
    expect(envelope.time).toBe('2026-01-01T00:00:00Z');
    expect(envelope.resources).toEqual(['arn:x']);
  });

  it('rejects a detail that is not a JSON object, as EventBridge does', () => {
    for (const Detail of ['[1]', 'not json', '"text"', undefined]) {
      expect(() => buildBusEnvelope({ Source: 's', DetailType: 'T', ...(Detail ? { Detail } : {}) }, identity)).toThrow(
        MalformedDetailError,
      );
    }
  });
});

describe('buildS3Envelope', () => {
  it('produces an Object Created event that the S3ObjectCreated contract accepts', () => {
    const envelope = buildS3Envelope(s3Record('ObjectCreated:Put', 'qujiang-trade-union/0b1c'), identity);
    expect(envelopeSchema(S3ObjectCreated).parse(envelope)).toBeTruthy();
    expect(envelope).toMatchObject({
      source: 'aws.s3',
      'detail-type': 'Object Created',
      time: '2026-03-01T08:30:15Z',
      resources: ['arn:aws:s3:::gongkai-uploads'],
      detail: {
        version: '0',
        bucket: { name: 'gongkai-uploads' },
        object: { key: 'qujiang-trade-union/0b1c', size: 6790, etag: 'b1946ac92492d2347c6235b4d2611184' },
        'request-id': 'N4N7GDK58NMKJ12R',
        'source-ip-address': '127.0.0.1',
        reason: 'PutObject',
      },
    });
  });

  it('keeps the key as stored (EventBridge does not URL-encode it, unlike S3 notifications)', () => {
    const envelope = buildS3Envelope(s3Record('ObjectCreated:Put', '年报/2022 总工会.txt'), identity);
    expect(envelope.detail).toMatchObject({ object: { key: '年报/2022 总工会.txt' } });
  });

  it('names copies, multipart completions and deletions as S3 does', () => {
    expect(buildS3Envelope(s3Record('ObjectCreated:Copy', 'k'), identity).detail).toMatchObject({
      reason: 'CopyObject',
    });
    expect(buildS3Envelope(s3Record('ObjectCreated:Post', 'k'), identity).detail).toMatchObject({
      reason: 'CompleteMultipartUpload',
    });
    const deleted = buildS3Envelope(s3Record('ObjectRemoved:Delete', 'k'), identity);
    expect(deleted['detail-type']).toBe('Object Deleted');
    expect(deleted.detail).toMatchObject({ reason: 'DeleteObject', 'deletion-type': 'Permanently Deleted' });
  });
});

describe('buildScheduledEvent', () => {
  it('sends what EventBridge Scheduler sends a target without input, detail "{}" as a string', () => {
    const arn = 'arn:aws:scheduler:us-east-1:000000000000:schedule/default/publish-pending';
    expect(buildScheduledEvent(arn, new Date('2026-03-01T00:05:00.000Z'), identity.id)).toEqual({
      version: '0',
      id: identity.id,
      'detail-type': 'Scheduled Event',
      source: 'aws.scheduler',
      account: '000000000000',
      time: '2026-03-01T00:05:00Z',
      region: 'us-east-1',
      resources: [arn],
      detail: '{}',
    });
  });
});
