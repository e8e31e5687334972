import type { EventBus, IEventBus } from 'aws-cdk-lib/aws-events';
import type { Bucket, IBucket } from 'aws-cdk-lib/aws-s3';

// aws-cdk-lib declares `Bucket.isWebsite?: boolean | undefined` but `IBucket.isWebsite?: boolean` (and the same for
// `EventBus.eventSourceName`); under exactOptionalPropertyTypes a class then fails its own interface. These two
// functions are the only place that says it does not.

export function bucketRef(bucket: Bucket): IBucket {
  return bucket as IBucket;
}

export function eventBusRef(bus: EventBus): IEventBus {
  return bus as IEventBus;
}
