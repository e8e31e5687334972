/**
 * The declared queues: SQS FIFO with content-based de-duplication and the declared delivery delay, each with
 * a FIFO dead-letter queue, consumed by its declared function through an event source mapping that reports
 * failed messages one by one.
 */
import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FUNCTION_DEFAULTS, type FunctionDecl, type QueueDecl } from '../../declaration.ts';
import { constructId } from '../construct-id.ts';

export interface DeclaredQueuesProps {
  readonly queues: Readonly<Record<string, QueueDecl<string>>>;
  readonly functions: Readonly<Record<string, FunctionDecl<string, string>>>;
}

export class DeclaredQueues extends Construct {
  readonly queues: Readonly<Record<string, { readonly queue: Queue; readonly delaySeconds: number }>>;
  readonly deadLetterQueues: Readonly<Record<string, Queue>>;

  constructor(scope: Construct, id: string, props: DeclaredQueuesProps) {
    super(scope, id);
    const queues: Record<string, { queue: Queue; delaySeconds: number }> = {};
    const deadLetterQueues: Record<string, Queue> = {};
    for (const [name, decl] of Object.entries(props.queues)) {
      const consumerTimeout = props.functions[decl.consumer]?.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds;
      const dlq = new Queue(this, `${constructId(name)}DeadLetters`, {
        fifo: true,
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      const queue = new Queue(this, constructId(name), {
        fifo: true,
        contentBasedDeduplication: true,
        deliveryDelay: Duration.seconds(decl.deliveryDelaySeconds),
        // AWS asks for six times the consumer's timeout, so a retried batch is not received twice.
        visibilityTimeout: Duration.seconds(consumerTimeout * 6),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        deadLetterQueue: { queue: dlq, maxReceiveCount: decl.maxReceiveCount },
      });
      queues[name] = { queue, delaySeconds: decl.deliveryDelaySeconds };
      deadLetterQueues[name] = dlq;
    }
    this.queues = queues;
    this.deadLetterQueues = deadLetterQueues;
  }

  /** Connects each queue to its consumer (after the functions exist). */
  connect(props: DeclaredQueuesProps, functions: Readonly<Record<string, NodejsFunction>>): void {
    for (const [name, decl] of Object.entries(props.queues)) {
      const fn = functions[decl.consumer];
      const entry = this.queues[name];
      if (fn === undefined || entry === undefined) throw new Error(`queue ${name} names no declared consumer`);
      fn.addEventSource(new SqsEventSource(entry.queue, { batchSize: decl.batchSize, reportBatchItemFailures: true }));
    }
  }
}
