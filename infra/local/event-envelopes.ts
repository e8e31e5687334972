/**
 * The exact envelopes AWS delivers to Lambda: a PutEvents entry as EventBridge wraps it, an S3
 * object event as S3 → EventBridge sends it, and a schedule tick as EventBridge Scheduler sends it
 * when a target declares no input. Pure: ids and clocks come in as arguments.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { eventTime, LOCAL_ACCOUNT_ID, LOCAL_REGION } from './local-aws.ts';

export type BusEnvelope = EventBridgeEvent<string, unknown>;

/** One PutEvents request entry (AWS JSON field names). */
export interface PutEventsEntry {
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
  readonly Resources?: readonly string[];
  readonly Time?: string | number;
  readonly EventBusName?: string;
}

export interface EnvelopeIdentity {
  readonly id: string;
  readonly now: Date;
}

export class MalformedDetailError extends Error {
  readonly code = 'MalformedDetail';
}

/** Wraps a PutEvents entry; `Detail` must be a JSON object, as EventBridge requires. */
export function buildBusEnvelope(entry: PutEventsEntry, { id, now }: EnvelopeIdentity): BusEnvelope {
  if (!entry.Source || !entry.DetailType) throw new MalformedDetailError('Source and DetailType are required.');
  return {
    version: '0',
    id,
    'detail-type': entry.DetailType,
    source: entry.Source,
    account: LOCAL_ACCOUNT_ID,
    time: eventTime(entryTime(entry.Time) ?? now),
    region: LOCAL_REGION,
    resources: [...(entry.Resources ?? [])],
    detail: parseDetail(entry.Detail),
  };
}

function parseDetail(detail: string | undefined): unknown {
  try {
    const parsed: unknown = JSON.parse(detail ?? '');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
  } catch {
    // falls through to the same error EventBridge reports for any non-object detail
  }
  throw new MalformedDetailError('Detail is malformed.');
}

function entryTime(time: string | number | undefined): Date | undefined {
  if (time === undefined) return undefined;
  // The JSON protocol sends timestamps as epoch seconds.
  const date = typeof time === 'number' ? new Date(time * 1000) : new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The fields of an S3 notification record (as s3rver emits them) that S3 → EventBridge carries. */
export interface S3NotificationRecord {
  readonly eventName: string;
  readonly eventTime: string;
  readonly requestParameters: { readonly sourceIPAddress: string };
  readonly responseElements: { readonly 'x-amz-request-id': string };
  readonly s3: {
    readonly bucket: { readonly name: string };
    readonly object: {
      readonly key: string;
      readonly size?: number;
      readonly eTag?: string;
      readonly sequencer: string;
    };
  };
}

const S3_REASONS: Readonly<Record<string, string>> = {
  'ObjectCreated:Put': 'PutObject',
  'ObjectCreated:Copy': 'CopyObject',
  'ObjectCreated:Post': 'CompleteMultipartUpload',
  'ObjectRemoved:Delete': 'DeleteObject',
};

/**
 * `Object Created` / `Object Deleted` as S3 sends them to EventBridge. Unlike S3 notification
 * records, EventBridge carries the object key as stored, not URL-encoded.
 */
export function buildS3Envelope(record: S3NotificationRecord, { id }: Pick<EnvelopeIdentity, 'id'>): BusEnvelope {
  const created = record.eventName.startsWith('ObjectCreated');
  const { bucket, object } = record.s3;
  return {
    version: '0',
    id,
    'detail-type': created ? 'Object Created' : 'Object Deleted',
    source: 'aws.s3',
    account: LOCAL_ACCOUNT_ID,
    time: eventTime(new Date(record.eventTime)),
    region: LOCAL_REGION,
    resources: [`arn:aws:s3:::${bucket.name}`],
    detail: {
      version: '0',
      bucket: { name: bucket.name },
      object: created
        ? {
            key: object.key,
            size: object.size ?? 0,
            etag: (object.eTag ?? '').replaceAll('"', ''),
            sequencer: object.sequencer,
          }
        : { key: object.key, sequencer: object.sequencer },
      'request-id': record.responseElements['x-amz-request-id'],
      requester: LOCAL_ACCOUNT_ID,
      'source-ip-address': record.requestParameters.sourceIPAddress.replace(/^::ffff:/, ''),
      reason: S3_REASONS[record.eventName] ?? record.eventName,
      ...(created ? {} : { 'deletion-type': 'Permanently Deleted' }),
    },
  };
}

/**
 * What EventBridge Scheduler hands a Lambda target that declares no input: a "Scheduled Event"
 * whose `detail` is the string "{}" (not an object — a real-service quirk consumers must accept).
 */
export function buildScheduledEvent(scheduleArn: string, scheduledTime: Date, id: string): BusEnvelope {
  return {
    version: '0',
    id,
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: LOCAL_ACCOUNT_ID,
    time: eventTime(scheduledTime),
    region: LOCAL_REGION,
    resources: [scheduleArn],
    detail: '{}',
  };
}
