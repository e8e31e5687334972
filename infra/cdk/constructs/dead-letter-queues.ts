import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { constructId } from '../construct-id.ts';

export interface DeadLetterQueuesProps {
  /** Functions invoked asynchronously: targets of an event subscription or a schedule. */
  readonly functionNames: readonly string[];
}

/**
 * One dead-letter queue per asynchronously invoked function, shared by every way it can fail: EventBridge or
 * Scheduler giving up on delivery, and Lambda giving up on an invocation that kept throwing. One queue to watch
 * (and alarm on) per function; the message attributes say which path put a message there.
 */
export class DeadLetterQueues extends Construct {
  readonly queues: Readonly<Record<string, Queue>>;

  constructor(scope: Construct, id: string, props: DeadLetterQueuesProps) {
    super(scope, id);
    const queues: Record<string, Queue> = {};
    for (const name of props.functionNames) {
      const queue = new Queue(this, constructId(name), {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        // The longest SQS allows: time to notice the alarm, fix the function and redrive.
        retentionPeriod: Duration.days(14),
      });
      Validations.of(queue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: `This queue is the dead-letter queue of ${name} (its rules, schedules and failed invocations); nothing consumes it, its depth is alarmed.`,
      });
      queues[name] = queue;
    }
    this.queues = queues;
  }
}
