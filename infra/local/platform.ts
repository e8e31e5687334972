/**
 * The AWS side of the local system: stand-ins, the event bus and the handler modules loaded into the
 * environment that points at them. What remains for the runner is the front door (HTTP, schedules).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { routeAuthEnvironment } from '../declaration.ts';
import {
  awsEnvironment,
  type Configuration,
  declaredEnvironment,
  type LocalEndpoints,
  sharedEnvironment,
} from './aws-environment.ts';
import { startEventBus } from './event-bus.ts';
import { createEventDelivery, type EventDelivery, type InvokeFunction } from './event-delivery.ts';
import { buildS3Envelope } from './event-envelopes.ts';
import { openEventJournal } from './event-journal.ts';
import { invokeFunction, type LoadedFunction, loadFunctions } from './lambda-runtime.ts';
import { type AnyAppDeclaration, localEventBusName } from './local-aws.ts';
import type { ProcessPorts } from './process-ports.ts';
import { type QueueConsumers, startQueueConsumers } from './queue-consumer.ts';
import { type StandIns, startStandIns } from './stand-ins.ts';

// A reserved TLD (RFC 6761) that still passes e-mail validation, which a bare `@localhost` does not.
export const LOCAL_MAIL_SENDER = 'noreply@gongkai.localhost';
/** On stop, deliveries already under way (and their retries) get this long to finish. */
const STOP_GRACE_MS = 5_000;
/** Under the home: the event journal (accepted events, completions, dead letters). */
export const EVENTS_DIR = 'events';

export interface PlatformOptions {
  readonly app: AnyAppDeclaration;
  readonly home: string;
  readonly root: string;
  readonly ports: ProcessPorts;
  readonly retryBaseMs?: number | undefined;
  readonly queueDelayMs?: number | undefined;
  /** The URL the gateway will answer on: the site's absolute links (feed, sitemaps, notices) name it. */
  readonly siteUrl?: string | undefined;
  readonly log: (line: string) => void;
  /** Configuration variables every function gets; default: this process's own. */
  readonly configuration?: Configuration | undefined;
}

export interface Platform {
  readonly standIns: StandIns;
  readonly delivery: EventDelivery;
  readonly endpoints: LocalEndpoints;
  readonly env: Readonly<Record<string, string>>;
  readonly invoke: InvokeFunction;
  /**
   * Delivers what the journal holds from before the last stop. The runner calls it once the start-up
   * site build is done, so redelivered filings update a site that a crash may have left damaged only
   * after it has been rebuilt.
   */
  resumeDeliveries(): void;
  readonly queues: QueueConsumers;
  /** Resolves when no event delivery and no queue message is running or waiting. */
  waitForIdle(): Promise<void>;
}

/** Starts everything a handler talks to, then loads the handlers; `closers` collects what to stop. */
export async function startPlatform(
  options: PlatformOptions,
  closers: (() => Promise<void> | void)[],
): Promise<Platform> {
  const { app, ports, log } = options;
  const standIns = await startStandIns({
    app,
    home: options.home,
    ports: ports.standIns,
    log,
    queueDelayMs: options.queueDelayMs,
  });
  closers.push(standIns.stop);
  let functions = new Map<string, LoadedFunction>();
  const invoke: InvokeFunction = (fn, event) => {
    const loaded = functions.get(fn);
    return loaded ? invokeFunction(loaded, event) : Promise.reject(new Error(`function ${fn} is not declared`));
  };
  const journal = await openEventJournal(join(options.home, EVENTS_DIR), { log });
  closers.push(journal.close);
  const delivery = createEventDelivery({
    subscriptions: app.subscriptions,
    invoke,
    log,
    journal,
    ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
  });
  const bus = await startEventBus(localEventBusName(app), delivery, ports.eventBus);
  // Deliveries still running after the grace stay unfinished in the journal and run again next start.
  closers.push(bus.close, () => settleWithin(delivery.waitForIdle(), STOP_GRACE_MS));

  const endpoints: LocalEndpoints = { ...standIns.endpoints, eventBridge: bus.endpoint };
  const env = awsEnvironment(endpoints, {
    tables: standIns.tableNames,
    buckets: standIns.bucketNames,
    queues: Object.fromEntries(
      Object.entries(standIns.queueNames).map(([name, physical]) => [
        name,
        { url: standIns.sqs.queueUrl(physical), delaySeconds: standIns.queueDelaySeconds[name] ?? 0 },
      ]),
    ),
    eventBus: bus.busName,
    mailSender: LOCAL_MAIL_SENDER,
    ...(options.siteUrl === undefined ? {} : { siteUrl: options.siteUrl }),
  });
  // Before any handler module loads: a handler may build its SDK clients at import time. The process carries
  // only what every function shares; each function's resource names come with its own invocations.
  Object.assign(process.env, sharedEnvironment(env));
  functions = await loadFunctions(app, options.root, (name, decl) => ({
    ...declaredEnvironment(name, decl, env, options.configuration),
    ...routeAuthEnvironment(name, app.routes),
  }));
  ports.remember(endpoints);
  forwardObjectEvents(app, standIns, delivery, log);
  const resumeDeliveries = (): void => {
    const resumed = delivery.resume(journal.recovered.unfinished);
    if (resumed > 0) log(`delivering ${resumed} event(s) accepted before the last stop`);
  };
  const queues = startQueueConsumers(app.queues ?? {}, standIns.queueNames, standIns.sqs, invoke, {
    ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
    log,
  });
  closers.push(
    () => settleWithin(queues.waitForIdle(), STOP_GRACE_MS),
    () => queues.stop(),
  );
  // Events start queue tasks and queue tasks may publish events: idle is when both are, checked twice over.
  const waitForIdle = async (): Promise<void> => {
    await delivery.waitForIdle();
    await queues.waitForIdle();
    await delivery.waitForIdle();
    await queues.waitForIdle();
  };
  return { standIns, delivery, endpoints, env, invoke, resumeDeliveries, queues, waitForIdle };
}

/** S3 → EventBridge, for the buckets that declare it (as `eventBridgeEnabled` does on AWS). */
function forwardObjectEvents(
  app: AnyAppDeclaration,
  standIns: StandIns,
  delivery: EventDelivery,
  log: (line: string) => void,
): void {
  const notifying = new Set(
    Object.entries(app.buckets)
      .filter(([, decl]) => decl.eventBridge)
      .map(([name]) => standIns.bucketNames[name]),
  );
  standIns.s3.onObjectEvent((record) => {
    if (!notifying.has(record.s3.bucket.name)) return;
    delivery.deliver(buildS3Envelope(record, { id: randomUUID() })).catch((error: unknown) => {
      log(`S3 notification for ${record.s3.object.key} not journaled: ${String(error)}`);
    });
  });
}

function settleWithin(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((done) => {
    timer = setTimeout(done, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
