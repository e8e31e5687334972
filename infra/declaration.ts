/**
 * The shape of THE application declaration (`infra/app.ts`): typed data with no CDK import.
 * The CDK app and the local runner both walk one value of this type, so routes, event rules,
 * schedules, tables and buckets cannot drift between AWS and a developer's machine.
 */

/** A DynamoDB key attribute (always a string here: ids, dates and composite keys). */
export interface KeyDecl {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export interface TableDecl {
  readonly partitionKey: KeyDecl;
  readonly sortKey?: KeyDecl;
  readonly globalSecondaryIndexes?: readonly {
    readonly indexName: string;
    readonly partitionKey: KeyDecl;
    readonly sortKey?: KeyDecl;
  }[];
  /** Attribute holding an epoch-seconds expiry (DynamoDB TTL), if items expire. */
  readonly timeToLiveAttribute?: string;
  /** Why the table exists, shown in docs and as the CDK description. */
  readonly purpose: string;
}

export interface BucketDecl {
  readonly purpose: string;
  /** Objects can never be overwritten or deleted (Object Lock, compliance mode) — filed originals. */
  readonly immutable?: boolean;
  /** S3 sends object events to EventBridge (large uploads start processing from them). */
  readonly eventBridge?: boolean;
  /** Objects are deleted this many days after they were written (a lifecycle rule; never with `immutable`). */
  readonly expiresAfterDays?: number;
  /** Served to the public (through CloudFront only; the bucket itself stays private). */
  readonly publicSite?: boolean;
}

export type TableAccess = 'read' | 'readWrite';
export type BucketAccess = 'read' | 'write' | 'readWrite';

/**
 * What a function touches. Each use becomes an environment variable (the resource's name) and a
 * least-privilege grant in CDK; locally, the same variable points at the stand-in's resource.
 */
export type Use<T extends string, B extends string> =
  | { readonly table: T; readonly access: TableAccess }
  | { readonly bucket: B; readonly access: BucketAccess }
  | { readonly bus: 'events' }
  | { readonly mail: 'send' }
  | { readonly queue: string; readonly access: 'send' };

export interface FunctionDecl<T extends string, B extends string> {
  /** Module path from the repository root, exporting `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly uses: readonly Use<T, B>[];
  readonly timeoutSeconds?: number;
  readonly memoryMb?: number;
  /**
   * Data files the code reads at run time rather than carries (repository paths): each ships in the
   * function's package at the path it has relative to the module that reads it, so `new URL(rel,
   * import.meta.url)` finds it in the sources and beside the bundled handler alike.
   */
  readonly files?: readonly DataFile[];
  /**
   * Packages the code loads only on some runs (`await import`), shipped in the function's package beside the
   * bundle instead of inside it; the dependencies of each must be among them (each is copied as it is).
   */
  readonly unbundled?: readonly string[];
}

/** A repository file and where it lands beside the bundled handler. */
export interface DataFile {
  readonly from: string;
  readonly to: string;
}

/** The division table, read by every function that turns a region code into its names. */
export const DIVISION_TABLE_FILE: DataFile = {
  from: 'shared/registry/divisions/data/divisions-2023.json',
  to: 'data/divisions-2023.json',
};

/** The report's JSON Schema, published by the build of the site's home (`shared/site/datasets.ts`). */
export const REPORT_SCHEMA_FILE: DataFile = {
  from: 'shared/site/data/report-schema.json',
  to: 'data/report-schema.json',
};

/** The site's stylesheet, search script and feed stylesheet, published by the build of the site's home (`shared/site/site-assets.ts`). */
export const SITE_ASSETS_FILE: DataFile = {
  from: 'shared/site/assets',
  to: 'assets',
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
/**
 * Who may call a route; the authorizer resolves the bearer token to one of these principals. An office is a
 * supervising office scoped to a region subtree; `anyPrincipal` admits agencies, offices and admins alike (the
 * handler then narrows to what the caller may see).
 */
export type RouteAuth = 'none' | 'agency' | 'office' | 'admin' | 'agencyOrAdmin' | 'anyPrincipal';

/**
 * A route's own limit, below the stage-wide one (API Gateway route throttling, requests per second): an
 * expensive route cannot use up the whole stage for the cheap ones, and one client at a statutory deadline
 * cannot hold more than this route's share.
 */
export interface RouteThrottle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export interface RouteDecl<F extends string> {
  readonly method: HttpMethod;
  /** API Gateway v2 route path, with `{param}` placeholders. */
  readonly path: string;
  readonly fn: F;
  readonly auth: RouteAuth;
  /** Set on routes whose every call costs seconds of Lambda (parsing, rebuilding, sending). */
  readonly throttle?: RouteThrottle;
}

/** An EventBridge rule: events matching source + detail-type go to the function. */
export interface SubscriptionDecl<F extends string> {
  readonly source: string;
  readonly detailTypes: readonly string[];
  readonly fn: F;
  /** Delivery attempts before the event goes to the dead-letter queue. */
  readonly maxAttempts?: number;
}

/** A schedule in AWS EventBridge Scheduler cron form (6 fields, with year), in a time zone. */
export interface ScheduleDecl<F extends string> {
  readonly cron: string;
  readonly timezone: string;
  readonly fn: F;
  readonly description: string;
}

/**
 * An SQS FIFO queue and the function that consumes it. A message group is handled by one invocation at a
 * time (one writer per group), and content-based de-duplication drops a message whose body was sent in the
 * last five minutes — together with the delivery delay, a burst of identical messages is handled once.
 */
export interface QueueDecl<F extends string> {
  readonly purpose: string;
  readonly consumer: F;
  /** Every message waits this long before a consumer can receive it (SQS DelaySeconds, at most 900). */
  readonly deliveryDelaySeconds: number;
  /** Messages handed to one invocation (FIFO event source mappings allow at most 10). */
  readonly batchSize: number;
  /** Receives before a message is moved to the queue's dead-letter queue. */
  readonly maxReceiveCount: number;
}

export interface AppDeclaration<F extends string, T extends string, B extends string> {
  readonly name: string;
  readonly tables: Readonly<Record<T, TableDecl>>;
  readonly buckets: Readonly<Record<B, BucketDecl>>;
  readonly functions: Readonly<Record<F, FunctionDecl<T, B>>>;
  readonly routes: readonly RouteDecl<F>[];
  readonly subscriptions: readonly SubscriptionDecl<F>[];
  readonly schedules: Readonly<Record<string, ScheduleDecl<F>>>;
  readonly queues?: Readonly<Record<string, QueueDecl<F>>>;
  /**
   * The function that resolves `Authorization: Bearer …` for every route whose auth is not 'none'
   * (API Gateway HTTP API Lambda authorizer, payload 2.0, simple responses). It always answers
   * `isAuthorized: true` with the resolved principal in its context, and each route's handler enforces
   * the route's `auth`, so that a refusal carries the API's own error body instead of API Gateway's.
   * Attach it with no identity source (so it also runs when the header is missing) and no caching.
   */
  readonly authorizer?: F;
  /**
   * The function answering a GET that no route and no public-site object answers (a catch-all `GET /{proxy+}`
   * route without auth). CloudFront falls back to it when the site bucket has no object for a path (origin
   * failover on 403/404), the local gateway after its static mounts: unknown public URLs get the site's 404
   * page, API paths the API's error.
   */
  readonly notFound?: F;
}

/** The route of the declared `notFound` function: every path, below the declared routes in specificity. */
export const NOT_FOUND_ROUTE_PATH = '/{proxy+}';

/** Identity function whose only job is inference: a route naming an unknown function does not compile. */
export function defineApp<const F extends string, const T extends string, const B extends string>(
  app: AppDeclaration<F, T, B>,
): AppDeclaration<F, T, B> {
  return app;
}

/**
 * What a function gets when its declaration does not say. AWS (CDK) and the local runner both read these,
 * so a handler times out, and an event is retried, the same way on both.
 */
export const FUNCTION_DEFAULTS = {
  timeoutSeconds: 10,
  memoryMb: 512,
  /** Delivery attempts of an event or schedule tick: the first try and two retries. */
  maxAttempts: 3,
} as const;

/** How the variable naming each kind of declared resource ends: one list for the names and for recognizing them. */
const RESOURCE_ENV_SUFFIXES = {
  table: '_TABLE_NAME',
  bucket: '_BUCKET_NAME',
  queue: '_QUEUE_URL',
  queueDelay: '_QUEUE_DELAY_SECONDS',
} as const;

/** Environment variable carrying a table's name, e.g. `records` → `RECORDS_TABLE_NAME`. */
export function tableEnvName(table: string): string {
  return `${screamingSnake(table)}${RESOURCE_ENV_SUFFIXES.table}`;
}
/** Environment variable carrying a bucket's name, e.g. `originals` → `ORIGINALS_BUCKET_NAME`. */
export function bucketEnvName(bucket: string): string {
  return `${screamingSnake(bucket)}${RESOURCE_ENV_SUFFIXES.bucket}`;
}
/** Environment variable carrying a queue's URL, e.g. `archive` → `ARCHIVE_QUEUE_URL`. */
export function queueEnvName(queue: string): string {
  return `${screamingSnake(queue)}${RESOURCE_ENV_SUFFIXES.queue}`;
}
/** Environment variable carrying a queue's delivery delay in seconds (senders size their batching window by it). */
export function queueDelayEnvName(queue: string): string {
  return `${screamingSnake(queue)}${RESOURCE_ENV_SUFFIXES.queueDelay}`;
}
/** Whether a variable is one a function gets for a resource it uses (a table, bucket, queue, the bus, mail). */
export function isResourceEnvName(key: string): boolean {
  return (
    Object.values(RESOURCE_ENV_SUFFIXES).some((suffix) => key.endsWith(suffix)) ||
    key === EVENT_BUS_ENV ||
    key === MAIL_SENDER_ENV
  );
}
export const EVENT_BUS_ENV = 'EVENT_BUS_NAME';

/**
 * Tells an HTTP function the declared auth of its own routes (JSON: route key → auth), so the handler
 * enforces the declaration without carrying it: set by CDK and by the local runner alike.
 */
export const ROUTE_AUTH_ENV = 'GONGKAI_ROUTE_AUTH';

/** The route-auth variable of one function, empty for a function behind no route. */
export function routeAuthEnvironment(fn: string, routes: readonly RouteDecl<string>[]): Record<string, string> {
  const own = routes.filter((route) => route.fn === fn);
  if (own.length === 0) return {};
  return { [ROUTE_AUTH_ENV]: JSON.stringify(Object.fromEntries(own.map((r) => [`${r.method} ${r.path}`, r.auth]))) };
}
export const MAIL_SENDER_ENV = 'MAIL_SENDER';
/**
 * Set only where notices go through an SMTP relay instead of SES: its host, port, and the Secrets Manager
 * secret (name or ARN) holding its login — never the login itself.
 */
export const SMTP_RELAY_ENV = { host: 'SMTP_HOST', port: 'SMTP_PORT', secretId: 'SMTP_SECRET_ID' } as const;

function screamingSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
