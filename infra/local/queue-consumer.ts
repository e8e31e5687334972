/**
 * Lambda's SQS event source mapping, locally: polls a declared queue, invokes its consumer with an SQS event
 * of up to `batchSize` messages, deletes what succeeded, makes failures visible again after a back-off, and
 * parks a message that failed `maxReceiveCount` times in the dead-letter list.
 */
import type { QueueDecl } from '../declaration.ts';
import type { InvokeFunction } from './event-delivery.ts';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './local-aws.ts';
import type { QueuedMessage, SqsStandIn } from './sqs-stand-in.ts';

const POLL_MS = 20;

export interface QueueDeadLetter {
  readonly fn: string;
  readonly queue: string;
  readonly body: string;
  readonly attempts: number;
  readonly error: string;
  readonly failedAt: string;
}

export interface QueueConsumers {
  waitForIdle(): Promise<void>;
  deadLetters(): readonly QueueDeadLetter[];
  stop(): void;
}

function sqsEvent(queue: string, messages: readonly QueuedMessage[]) {
  return {
    Records: messages.map((m) => ({
      messageId: m.messageId,
      receiptHandle: m.receiptHandle,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentAt),
        MessageGroupId: m.groupId,
        MessageDeduplicationId: '',
        SenderId: LOCAL_ACCOUNT_ID,
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${queue}`,
      awsRegion: LOCAL_REGION,
    })),
  };
}

export function startQueueConsumers(
  queues: Readonly<Record<string, QueueDecl<string>>>,
  physicalNames: Readonly<Record<string, string>>,
  sqs: SqsStandIn,
  invoke: InvokeFunction,
  options: { readonly retryBaseMs?: number; readonly log?: (line: string) => void } = {},
): QueueConsumers {
  const dead: QueueDeadLetter[] = [];
  const log = options.log ?? (() => {});
  const retryMs = options.retryBaseMs ?? 200;
  let running = 0;
  let stopped = false;

  const handle = async (name: string, decl: QueueDecl<string>, messages: QueuedMessage[]) => {
    running += 1;
    let failed = new Set<string>();
    let error = '';
    try {
      const result = (await invoke(decl.consumer, sqsEvent(name, messages))) as
        | { batchItemFailures?: { itemIdentifier: string }[] }
        | undefined;
      failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      error = 'reported as a batch item failure';
    } catch (e) {
      failed = new Set(messages.map((m) => m.messageId));
      error = e instanceof Error ? e.message : String(e);
    } finally {
      running -= 1;
    }
    for (const m of messages) {
      const handleId = m.receiptHandle as string;
      if (!failed.has(m.messageId)) {
        sqs.delete(name, handleId);
      } else if (m.receiveCount >= decl.maxReceiveCount) {
        log(`${decl.consumer} failed on a ${name} message ${m.receiveCount} times: ${error}`);
        dead.push({
          fn: decl.consumer,
          queue: name,
          body: m.body,
          attempts: m.receiveCount,
          error,
          failedAt: new Date().toISOString(),
        });
        sqs.delete(name, handleId);
      } else {
        sqs.release(name, handleId, retryMs * 2 ** (m.receiveCount - 1));
      }
    }
  };

  const timer = setInterval(() => {
    if (stopped) return;
    for (const [logical, decl] of Object.entries(queues)) {
      const name = physicalNames[logical] ?? logical;
      for (;;) {
        const batch = sqs.receive(name, decl.batchSize);
        if (batch.length === 0) break;
        void handle(name, decl, batch);
      }
    }
  }, POLL_MS);
  timer.unref();

  const depth = () =>
    Object.keys(queues).reduce((n, logical) => n + sqs.depth(physicalNames[logical] ?? logical), 0) + running;
  return {
    async waitForIdle() {
      while (depth() > 0) await new Promise((wake) => setTimeout(wake, POLL_MS));
    },
    deadLetters: () => [...dead],
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
