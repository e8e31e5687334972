/**
 * SQS FIFO on one machine, reached through the real `@aws-sdk/client-sqs` (AWS JSON 1.0 protocol): the
 * actions the handlers use (SendMessage, SendMessageBatch, GetQueueUrl) plus ReceiveMessage and
 * DeleteMessage, with FIFO's semantics — content-based de-duplication over five minutes, the queue's
 * delivery delay, and a message group handed to one consumer at a time, in order. The local runner's
 * consumer polls it in-process, as Lambda's event source mapping polls SQS.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen, readBody } from './http-io.ts';
import { LOCAL_ACCOUNT_ID } from './local-aws.ts';

const DEDUPLICATION_MS = 5 * 60_000;
const MAX_BODY_BYTES = 1024 * 1024;

export interface QueueSetup {
  readonly name: string;
  readonly delayMs: number;
  readonly visibilityTimeoutMs: number;
}

export interface QueuedMessage {
  readonly messageId: string;
  readonly body: string;
  readonly groupId: string;
  readonly sentAt: number;
  receiveCount: number;
  visibleAt: number;
  receiptHandle: string | null;
}

interface QueueState {
  readonly setup: QueueSetup;
  readonly messages: QueuedMessage[];
  readonly dedupe: Map<string, { id: string; at: number }>;
}

export interface SqsStandIn {
  readonly endpoint: string;
  queueUrl(name: string): string;
  /** Up to `max` visible messages of groups with none in flight, oldest first; each now in flight. */
  receive(name: string, max: number): QueuedMessage[];
  delete(name: string, receiptHandle: string): void;
  /** Makes an in-flight message visible again after `delayMs` (a failed attempt). */
  release(name: string, receiptHandle: string, delayMs: number): void;
  /** Messages waiting or in flight. */
  depth(name: string): number;
  close(): Promise<void>;
}

class SqsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startSqsStandIn(queues: readonly QueueSetup[], port = 0): Promise<SqsStandIn> {
  const states = new Map<string, QueueState>(
    queues.map((setup) => [setup.name, { setup, messages: [], dedupe: new Map() }]),
  );
  let endpoint = '';
  const queueUrl = (name: string) => `${endpoint}/${LOCAL_ACCOUNT_ID}/${name}`;
  const stateOf = (url: unknown): QueueState => {
    const name = typeof url === 'string' ? url.split('/').at(-1) : undefined;
    const state = name === undefined ? undefined : states.get(name);
    if (!state) throw new SqsError('AWS.SimpleQueueService.NonExistentQueue', `no queue ${String(url)}`);
    return state;
  };

  const send = (state: QueueState, body: unknown, groupId: unknown) => {
    if (typeof body !== 'string' || body === '') throw new SqsError('InvalidParameterValue', 'MessageBody is required');
    if (typeof groupId !== 'string' || groupId === '') {
      throw new SqsError('MissingParameter', 'MessageGroupId is required for a FIFO queue');
    }
    const now = Date.now();
    const hash = createHash('sha256').update(body).digest('hex');
    const seen = state.dedupe.get(hash);
    if (seen !== undefined && now - seen.at < DEDUPLICATION_MS)
      return { MessageId: seen.id, MD5OfMessageBody: md5(body) };
    const messageId = randomUUID();
    state.dedupe.set(hash, { id: messageId, at: now });
    state.messages.push({
      messageId,
      body,
      groupId,
      sentAt: now,
      receiveCount: 0,
      visibleAt: now + state.setup.delayMs,
      receiptHandle: null,
    });
    return { MessageId: messageId, MD5OfMessageBody: md5(body) };
  };

  const actions: Record<string, (input: Record<string, unknown>) => unknown> = {
    GetQueueUrl: (input) => ({ QueueUrl: queueUrl(stateOf(`/${String(input.QueueName)}`).setup.name) }),
    SendMessage: (input) => send(stateOf(input.QueueUrl), input.MessageBody, input.MessageGroupId),
    SendMessageBatch: (input) => {
      const state = stateOf(input.QueueUrl);
      const entries = Array.isArray(input.Entries) ? (input.Entries as Record<string, unknown>[]) : [];
      if (entries.length === 0 || entries.length > 10) {
        throw new SqsError('AWS.SimpleQueueService.TooManyEntriesInBatchRequest', 'between 1 and 10 entries');
      }
      return {
        Successful: entries.map((e) => ({ Id: e.Id, ...send(state, e.MessageBody, e.MessageGroupId) })),
        Failed: [],
      };
    },
    ReceiveMessage: (input) => {
      const name = stateOf(input.QueueUrl).setup.name;
      const messages = api.receive(name, Number(input.MaxNumberOfMessages ?? 1));
      return {
        Messages: messages.map((m) => ({
          MessageId: m.messageId,
          ReceiptHandle: m.receiptHandle,
          Body: m.body,
          MD5OfBody: md5(m.body),
        })),
      };
    },
    DeleteMessage: (input) => {
      api.delete(stateOf(input.QueueUrl).setup.name, String(input.ReceiptHandle));
      return {};
    },
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(body));
    };
    readBody(req, MAX_BODY_BYTES)
      .then((raw) => {
        const target = String(req.headers['x-amz-target'] ?? '').replace(/^AmazonSQS\./, '');
        const action = actions[target];
        if (!action) throw new SqsError('InvalidAction', `unsupported action ${target}`);
        reply(200, action(JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>));
      })
      .catch((error: unknown) => {
        const type = error instanceof SqsError ? error.type : 'InternalError';
        reply(400, { __type: type, message: error instanceof Error ? error.message : String(error) });
      });
  });
  endpoint = await listen(server, port);

  const api: SqsStandIn = {
    endpoint,
    queueUrl,
    receive(name, max) {
      const state = states.get(name);
      if (!state) return [];
      const now = Date.now();
      const busy = new Set(
        state.messages.filter((m) => m.receiptHandle !== null && m.visibleAt > now).map((m) => m.groupId),
      );
      const out: QueuedMessage[] = [];
      const blocked = new Set<string>();
      for (const m of state.messages) {
        if (out.length >= max) break;
        if (busy.has(m.groupId) || blocked.has(m.groupId)) continue;
        // FIFO: a group's first message blocks the rest of the group until it is deleted.
        blocked.add(m.groupId);
        if (m.visibleAt > now) continue;
        m.receiveCount += 1;
        m.receiptHandle = randomUUID();
        m.visibleAt = now + state.setup.visibilityTimeoutMs;
        out.push(m);
      }
      return out;
    },
    delete(name, receiptHandle) {
      const state = states.get(name);
      const i = state?.messages.findIndex((m) => m.receiptHandle === receiptHandle) ?? -1;
      if (state && i >= 0) state.messages.splice(i, 1);
    },
    release(name, receiptHandle, delayMs) {
      const message = states.get(name)?.messages.find((m) => m.receiptHandle === receiptHandle);
      if (message) {
        message.receiptHandle = null;
        message.visibleAt = Date.now() + delayMs;
      }
    },
    depth: (name) => states.get(name)?.messages.length ?? 0,
    close: () => closeServer(server),
  };
  return api;
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
