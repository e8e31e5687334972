import { Duration } from 'aws-cdk-lib';
import { EventBus, type EventPattern, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { SubscriptionDecl } from '../../declaration.ts';
import { DEFAULT_MAX_ATTEMPTS } from '../async-targets.ts';
import { constructId } from '../construct-id.ts';

export interface EventRoutingProps {
  readonly subscriptions: readonly SubscriptionDecl<string>[];
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  /** The application's bus, where its own events (`gongkai.*`) are published. */
  readonly bus: IEventBus;
  /** Buckets whose `Object Created` events subscribers of `aws.s3` receive. */
  readonly eventBridgeBucketNames: readonly string[];
}

/**
 * One rule per declared subscription (source + detail types), its function as target with a retry policy and
 * the function's dead-letter queue. AWS services publish to the account's default bus, so subscriptions to an
 * `aws.*` source are ruled there; `aws.s3` rules are narrowed to the buckets that report to EventBridge.
 */
export class EventRouting extends Construct {
  readonly rules: readonly Rule[];

  constructor(scope: Construct, id: string, props: EventRoutingProps) {
    super(scope, id);
    const defaultBus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    const used = new Set<string>();
    this.rules = props.subscriptions.map((subscription) => {
      const ruleId = uniqueId(used, `${constructId(subscription.source)}To${constructId(subscription.fn)}`);
      const fromAws = subscription.source.startsWith('aws.');
      const rule = new Rule(this, ruleId, {
        eventBus: fromAws ? defaultBus : props.bus,
        description: `${subscription.source} ${subscription.detailTypes.join(', ')} → ${subscription.fn}`,
        eventPattern: patternFor(subscription, props.eventBridgeBucketNames),
      });
      rule.addTarget(
        new LambdaFunction(declared(props.functions, subscription.fn), {
          deadLetterQueue: declared(props.deadLetterQueues, subscription.fn),
          retryAttempts: (subscription.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) - 1,
          maxEventAge: Duration.hours(2),
        }),
      );
      return rule;
    });
  }
}

function patternFor(subscription: SubscriptionDecl<string>, bucketNames: readonly string[]): EventPattern {
  const pattern: EventPattern = { source: [subscription.source], detailType: [...subscription.detailTypes] };
  if (subscription.source !== 'aws.s3') return pattern;
  if (bucketNames.length === 0) {
    throw new Error(`${subscription.fn} subscribes to aws.s3, but no bucket in infra/app.ts has eventBridge: true.`);
  }
  return { ...pattern, detail: { bucket: { name: [...bucketNames] } } };
}

function uniqueId(used: Set<string>, wanted: string): string {
  let id = wanted;
  for (let n = 2; used.has(id); n += 1) id = `${wanted}${n}`;
  used.add(id);
  return id;
}

function declared<V>(record: Readonly<Record<string, V>>, name: string): V {
  const value = record[name];
  if (value === undefined) throw new Error(`A subscription names unknown function ${name}.`);
  return value;
}
