/**
 * An EventBridge PutEvents endpoint (AWS JSON 1.1) so the real @aws-sdk/client-eventbridge works
 * through `AWS_ENDPOINT_URL_EVENTBRIDGE`. Accepted entries are wrapped in the exact EventBridge
 * envelope and handed to the subscription delivery; an entry is acknowledged only once the delivery
 * has it on disk, so an acknowledged event survives a crash. No handler knows it runs locally.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { EventDelivery } from './event-delivery.ts';
import { type BusEnvelope, buildBusEnvelope, MalformedDetailError, type PutEventsEntry } from './event-envelopes.ts';
import { closeServer, listen, readBody, sendJson } from './http-io.ts';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './local-aws.ts';

/** PutEvents takes at most 10 entries and 256 KB per request. */
const MAX_ENTRIES = 10;
const MAX_REQUEST_BYTES = 256 * 1024;
const JSON_11 = 'application/x-amz-json-1.1';

export interface LocalEventBus {
  readonly endpoint: string;
  readonly busName: string;
  close(): Promise<void>;
}

type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

export async function startEventBus(busName: string, delivery: EventDelivery, port = 0): Promise<LocalEventBus> {
  const server = createServer((req, res) => {
    handlePutEvents(req, res, busName, delivery).catch((error: unknown) => {
      awsError(res, 500, 'InternalException', error instanceof Error ? error.message : String(error));
    });
  });
  const endpoint = await listen(server, port);
  return { endpoint, busName, close: () => closeServer(server) };
}

async function handlePutEvents(
  req: IncomingMessage,
  res: ServerResponse,
  busName: string,
  delivery: EventDelivery,
): Promise<void> {
  if (req.headers['x-amz-target'] !== 'AWSEvents.PutEvents') {
    awsError(res, 400, 'UnknownOperationException', `${req.headers['x-amz-target'] ?? 'no target'} is not supported`);
    return;
  }
  const body = await readBody(req, MAX_REQUEST_BYTES).catch(() => undefined);
  if (body === undefined) {
    awsError(res, 400, 'ValidationException', 'Total size of the entries in the request is over the limit.');
    return;
  }
  const entries = parseEntries(body);
  if (!entries || entries.length === 0 || entries.length > MAX_ENTRIES) {
    awsError(res, 400, 'ValidationException', `Entries must hold between 1 and ${MAX_ENTRIES} entries.`);
    return;
  }
  const results = await Promise.all(entries.map((entry) => acceptEntry(entry, busName, delivery)));
  res.setHeader('x-amzn-requestid', randomUUID());
  sendJson(
    res,
    200,
    { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results },
    {
      'content-type': JSON_11,
    },
  );
}

async function acceptEntry(entry: PutEventsEntry, busName: string, delivery: EventDelivery): Promise<EntryResult> {
  const target = busTarget(entry.EventBusName, busName);
  if (target === 'unknown') {
    return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${entry.EventBusName} does not exist.` };
  }
  let envelope: BusEnvelope;
  try {
    envelope = buildBusEnvelope(entry, { id: randomUUID(), now: new Date() });
  } catch (error) {
    if (error instanceof MalformedDetailError) return { ErrorCode: error.code, ErrorMessage: error.message };
    throw error;
  }
  try {
    if (target === 'declared') await delivery.deliver(envelope);
    return { EventId: envelope.id };
  } catch (error) {
    // Not on disk, so not accepted: the publisher sees a failed entry and may retry, as on AWS.
    return { ErrorCode: 'InternalFailure', ErrorMessage: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The declared bus by name or ARN. An entry naming no bus goes to the account's default bus, which
 * accepts it and, having no rules, delivers it nowhere — exactly as on AWS.
 */
function busTarget(named: string | undefined, busName: string): 'declared' | 'default' | 'unknown' {
  if (named === busName || named === `arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:event-bus/${busName}`) {
    return 'declared';
  }
  return named === undefined || named === '' || named === 'default' ? 'default' : 'unknown';
}

function parseEntries(body: Buffer): PutEventsEntry[] | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    const entries =
      typeof parsed === 'object' && parsed !== null ? (parsed as { Entries?: unknown }).Entries : undefined;
    return Array.isArray(entries) ? (entries as PutEventsEntry[]) : undefined;
  } catch {
    return undefined;
  }
}

function awsError(res: ServerResponse, status: number, type: string, message: string): void {
  if (res.headersSent) return;
  sendJson(res, status, { __type: type, message }, { 'content-type': JSON_11 });
}
