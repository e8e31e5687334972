/**
 * The whole system on one machine, built only from the application declaration: stand-ins, the
 * event bus, the scheduler and the HTTP API around the unchanged handler modules. `npm start` and
 * the integration tests both go through `startLocal()`.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { bootstrapAdminToken } from './admin-bootstrap.ts';
import { type Configuration, configurationFromProcess, type LocalEndpoints } from './aws-environment.ts';
import { type DemoAccess, seedDemoRegistry } from './demo-registry.ts';
import type { DeadLetter } from './event-delivery.ts';
import { lockHome } from './home-lock.ts';
import { type HttpGateway, startHttpGateway } from './http-gateway.ts';
import { type AnyAppDeclaration, LOCAL_ACCESS_KEY, LOCAL_REGION } from './local-aws.ts';
import { createLocalConsole } from './local-console.ts';
import { type Platform, startPlatform } from './platform.ts';
import { chooseHttpPort, reservePorts } from './process-ports.ts';
import type { QueueDeadLetter } from './queue-consumer.ts';
import { type LocalScheduler, type ScheduleRun, startScheduler } from './scheduler.ts';
import { bucketSource, folderSource, type StaticMount } from './static-files.ts';

export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_HOME = '.gongkai';
/** The upload page's folder, served at `/file/` as the CDN serves it on AWS. */
export const UPLOAD_PAGE_DIR = 'web/file';

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
  /** With the demo registry, also import the historical sample PDFs (`examples/imports.json`); `npm start` does. */
  readonly importSamples?: boolean;
  /** Run the cron timers (default true); schedules can always be triggered by hand. */
  readonly runSchedules?: boolean;
  /** First retry delay of event deliveries, in milliseconds. */
  readonly retryBaseMs?: number;
  /** Overrides the queues' declared delivery delay (tests do not wait seconds per batching window). */
  readonly queueDelayMs?: number;
  /** Configuration variables (`GONGKAI_DEADLINES`, `GONGKAI_REVIEW`) over this process's own. */
  readonly configuration?: Configuration;
}

export interface LocalSystem extends DemoAccess {
  readonly url: string;
  readonly home: string;
  readonly endpoints: LocalEndpoints;
  /** The environment handlers run with (endpoints, credentials, resource names). */
  readonly env: Readonly<Record<string, string>>;
  /** Resolves when no event delivery is running or waiting to retry. */
  waitForIdle(): Promise<void>;
  deadLetters(): readonly (DeadLetter | QueueDeadLetter)[];
  triggerSchedule(name: string): Promise<ScheduleRun>;
  mail(): Promise<unknown[]>;
  nextRuns(): Readonly<Record<string, string | null>>;
  stop(): Promise<void>;
}

type Closer = () => Promise<void> | void;

export async function startLocal(options: StartLocalOptions = {}): Promise<LocalSystem> {
  const app = options.app ?? (await import('../app.ts')).app;
  const root = options.root ?? REPOSITORY_ROOT;
  const home = resolve(options.home ?? (process.env.GONGKAI_HOME || DEFAULT_HOME));
  const log = options.quiet ? () => {} : (line: string) => console.error(`[local] ${line}`);
  const httpPort = await chooseHttpPort(options.port);
  const ports = reservePorts(httpPort);
  const closers: Closer[] = [ports.release];
  const stop = async (): Promise<void> => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  try {
    closers.push(await lockHome(home));
    const platform = await startPlatform(
      {
        app,
        home,
        root,
        ports,
        retryBaseMs: options.retryBaseMs,
        queueDelayMs: options.queueDelayMs,
        siteUrl: localSiteUrl(httpPort),
        log,
        configuration: { ...configurationFromProcess(), ...options.configuration },
      },
      closers,
    );
    const scheduler = startScheduler(
      app.schedules,
      { invoke: platform.invoke, invokeAsync: platform.delivery.invokeAsync },
      { timers: options.runSchedules !== false, log },
    );
    closers.push(() => scheduler.stop());
    let seeded = false;
    // Request lines start after seeding, so the banner is not buried under set-up requests.
    const gateway = await startFrontDoor(
      { app, root, platform, scheduler, port: ports.http, log, logsRequests: () => seeded },
      closers,
    );
    const access: DemoAccess =
      (options.seed ?? options.app === undefined)
        ? await seedDemoRegistry({
            url: gateway.url,
            home,
            root,
            issueAdminToken: () => bootstrapAdminToken(platform.env),
            importSamples: options.importSamples ?? false,
            log,
          })
        : { adminToken: '', demoTokens: {}, demoAgencies: {}, demoContacts: {} };
    seeded = true;
    platform.resumeDeliveries();
    return {
      ...access,
      url: gateway.url,
      home,
      endpoints: platform.endpoints,
      env: platform.env,
      waitForIdle: platform.waitForIdle,
      deadLetters: () => [...platform.delivery.deadLetters(), ...platform.queues.deadLetters()],
      triggerSchedule: scheduler.trigger,
      mail: platform.standIns.ses.inbox,
      nextRuns: scheduler.nextRuns,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The site's URL as people open it (the banner prints the same), on the running port. */
export function localSiteUrl(port: number): string {
  return `http://localhost:${port}`;
}

interface FrontDoorOptions {
  readonly app: AnyAppDeclaration;
  readonly root: string;
  readonly platform: Platform;
  readonly scheduler: LocalScheduler;
  readonly port: number;
  readonly log: (line: string) => void;
  readonly logsRequests: () => boolean;
}

/** The HTTP API with the local console and the static mounts. */
async function startFrontDoor(options: FrontDoorOptions, closers: Closer[]): Promise<HttpGateway> {
  const { app, root, platform, scheduler, log, logsRequests } = options;
  const s3 = new S3Client({
    endpoint: platform.endpoints.s3,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: LOCAL_ACCESS_KEY, secretAccessKey: LOCAL_ACCESS_KEY },
  });
  closers.push(() => s3.destroy());
  const { standIns, delivery } = platform;
  const gateway = await startHttpGateway(
    {
      app,
      invoke: platform.invoke,
      log,
      logRequest: (line) => {
        if (logsRequests()) log(line);
      },
      console: createLocalConsole({
        inbox: standIns.ses.inbox,
        deadLetters: () => [...delivery.deadLetters(), ...platform.queues.deadLetters()],
        scheduleNames: scheduler.names,
        nextRuns: scheduler.nextRuns,
        triggerSchedule: scheduler.trigger,
      }),
      staticMounts: staticMounts(app, standIns.bucketNames, s3, root),
      // The upload page PUTs large files to presigned URLs on the S3 stand-in, as it does to S3 on AWS.
      uploadOrigins: [new URL(platform.endpoints.s3).origin],
    },
    options.port,
  );
  closers.push(gateway.close);
  return gateway;
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
