/**
 * The whole system on one machine, built only from the application declaration: stand-ins, the
 * event bus, the scheduler and the HTTP API around the unchanged handler modules. `npm start` and
 * the integration tests both go through `startLocal()`.
 */
import { randomUUID } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { bootstrapAdminToken } from './admin-bootstrap.ts';
import { awsEnvironment, type LocalEndpoints } from './aws-environment.ts';
import { type DemoAccess, seedDemoRegistry } from './demo-registry.ts';
import { startEventBus } from './event-bus.ts';
import { createEventDelivery, type DeadLetter, type EventDelivery } from './event-delivery.ts';
import { buildS3Envelope } from './event-envelopes.ts';
import { startHttpGateway } from './http-gateway.ts';
import { invokeFunction, type LoadedFunction, loadFunctions } from './lambda-runtime.ts';
import { type AnyAppDeclaration, LOCAL_ACCESS_KEY, LOCAL_REGION, localEventBusName } from './local-aws.ts';
import { createLocalConsole } from './local-console.ts';
import { reservePorts } from './process-ports.ts';
import { type ScheduleRun, startScheduler } from './scheduler.ts';
import { type StandIns, startStandIns } from './stand-ins.ts';
import { bucketSource, folderSource, type StaticMount } from './static-files.ts';

export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_HOME = '.gongkai';
/** The upload page's folder, served at `/file/` as the CDN serves it on AWS. */
export const UPLOAD_PAGE_DIR = 'web/file';
export const LOCAL_MAIL_SENDER = 'gongkai@localhost';

export interface StartLocalOptions {
  /** HTTP port of the API (0 = any free port). */
  readonly port?: number;
  /** Where data lives; default `$GONGKAI_HOME` or `./.gongkai`. */
  readonly home?: string;
  readonly quiet?: boolean;
  /** Another declaration (tests); its function entries resolve from `root`. */
  readonly app?: AnyAppDeclaration;
  readonly root?: string;
  /** Seed the demo registry and tokens (default: only for the real declaration). */
  readonly seed?: boolean;
  /** Run the cron timers (default true); schedules can always be triggered by hand. */
  readonly runSchedules?: boolean;
  /** First retry delay of event deliveries, in milliseconds. */
  readonly retryBaseMs?: number;
}

export interface LocalSystem extends DemoAccess {
  readonly url: string;
  readonly home: string;
  readonly endpoints: LocalEndpoints;
  /** The environment handlers run with (endpoints, credentials, resource names). */
  readonly env: Readonly<Record<string, string>>;
  /** Resolves when no event delivery is running or waiting to retry. */
  waitForIdle(): Promise<void>;
  deadLetters(): readonly DeadLetter[];
  triggerSchedule(name: string): Promise<ScheduleRun>;
  mail(): Promise<unknown[]>;
  nextRuns(): Readonly<Record<string, string | null>>;
  stop(): Promise<void>;
}

export async function startLocal(options: StartLocalOptions = {}): Promise<LocalSystem> {
  const app = options.app ?? (await import('../app.ts')).app;
  const root = options.root ?? REPOSITORY_ROOT;
  const home = resolve(options.home ?? (process.env.GONGKAI_HOME || DEFAULT_HOME));
  const log = options.quiet ? () => {} : (line: string) => console.error(`[local] ${line}`);
  const ports = reservePorts(options.port);
  const closers: (() => Promise<void> | void)[] = [ports.release];
  const stop = async (): Promise<void> => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  try {
    const standIns = await startStandIns({ app, home, ports: ports.standIns });
    closers.push(standIns.stop);
    let functions = new Map<string, LoadedFunction>();
    const invoke = (fn: string, event: unknown): Promise<unknown> => {
      const loaded = functions.get(fn);
      return loaded ? invokeFunction(loaded, event) : Promise.reject(new Error(`function ${fn} is not declared`));
    };
    const delivery = createEventDelivery({
      subscriptions: app.subscriptions,
      invoke,
      log,
      ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
    });
    const bus = await startEventBus(localEventBusName(app), delivery, ports.eventBus);
    closers.push(bus.close);
    const endpoints: LocalEndpoints = { ...standIns.endpoints, eventBridge: bus.endpoint };
    const env = awsEnvironment(endpoints, {
      tables: standIns.tableNames,
      buckets: standIns.bucketNames,
      eventBus: bus.busName,
      mailSender: LOCAL_MAIL_SENDER,
    });
    // Before any handler module loads: handlers build their SDK clients at import time.
    Object.assign(process.env, env);
    functions = await loadFunctions(app, root);
    ports.remember(endpoints);
    forwardObjectEvents(app, standIns, delivery);

    const scheduler = startScheduler(app.schedules, invoke, { timers: options.runSchedules !== false, log });
    closers.push(() => scheduler.stop());
    const s3 = localS3Client(endpoints.s3);
    closers.push(() => s3.destroy());
    const gateway = await startHttpGateway(
      {
        app,
        invoke,
        log,
        console: createLocalConsole({
          inbox: standIns.ses.inbox,
          deadLetters: delivery.deadLetters,
          scheduleNames: scheduler.names,
          nextRuns: scheduler.nextRuns,
          triggerSchedule: scheduler.trigger,
        }),
        staticMounts: staticMounts(app, standIns.bucketNames, s3, root),
      },
      ports.http,
    );
    closers.push(gateway.close);

    const access: DemoAccess =
      (options.seed ?? options.app === undefined)
        ? await seedDemoRegistry({ url: gateway.url, home, root, issueAdminToken: bootstrapAdminToken })
        : { adminToken: '', demoTokens: {}, demoAgencies: {} };
    return {
      ...access,
      url: gateway.url,
      home,
      endpoints,
      env,
      waitForIdle: delivery.waitForIdle,
      deadLetters: delivery.deadLetters,
      triggerSchedule: scheduler.trigger,
      mail: standIns.ses.inbox,
      nextRuns: scheduler.nextRuns,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** S3 → EventBridge, for the buckets that declare it (as `eventBridgeEnabled` does on AWS). */
function forwardObjectEvents(app: AnyAppDeclaration, standIns: StandIns, delivery: EventDelivery): void {
  const notifying = new Set(
    Object.entries(app.buckets)
      .filter(([, decl]) => decl.eventBridge)
      .map(([name]) => standIns.bucketNames[name]),
  );
  standIns.s3.onObjectEvent((record) => {
    if (notifying.has(record.s3.bucket.name)) delivery.deliver(buildS3Envelope(record, { id: randomUUID() }));
  });
}

function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: LOCAL_ACCESS_KEY, secretAccessKey: LOCAL_ACCESS_KEY },
  });
}

/** The upload page at `/file/`, then the public site bucket at `/` (CloudFront's two origins on AWS). */
function staticMounts(
  app: AnyAppDeclaration,
  bucketNames: Readonly<Record<string, string>>,
  s3: S3Client,
  root: string,
): StaticMount[] {
  const sites = Object.entries(app.buckets)
    .filter(([, decl]) => decl.publicSite)
    .map(([name]) => ({ prefix: '/', source: bucketSource(s3, bucketNames[name] ?? name) }));
  return [{ prefix: '/file/', source: folderSource(join(root, UPLOAD_PAGE_DIR)) }, ...sites];
}
