/**
 * The environment a handler sees locally: SDK endpoints pointing at the stand-ins, one set of
 * credentials, s3rver-safe checksum settings, and the same resource-name variables CDK sets —
 * derived from the declaration, so a handler reads its config exactly as it does on Lambda.
 */
import { DEADLINES_CONFIG_ENV } from '../../shared/deadlines/config.ts';
import { REVIEW_CONFIG_ENV } from '../../shared/review/review-config.ts';
import {
  bucketEnvName,
  EVENT_BUS_ENV,
  FUNCTION_DEFAULTS,
  type FunctionDecl,
  isResourceEnvName,
  MAIL_SENDER_ENV,
  queueDelayEnvName,
  queueEnvName,
  tableEnvName,
  type Use,
} from '../declaration.ts';
import { LOCAL_ACCESS_KEY, LOCAL_REGION } from './local-aws.ts';

export interface LocalEndpoints {
  readonly dynamodb: string;
  readonly s3: string;
  readonly ses: string;
  readonly eventBridge: string;
  readonly sqs: string;
}

export interface LocalResourceNames {
  readonly tables: Readonly<Record<string, string>>;
  readonly buckets: Readonly<Record<string, string>>;
  /** Logical queue name → its local URL and delivery delay. */
  readonly queues?: Readonly<Record<string, { readonly url: string; readonly delaySeconds: number }>>;
  readonly eventBus: string;
  readonly mailSender: string;
  /** The public site's URL, as the running gateway answers it: feeds, sitemaps and notices link to it. */
  readonly siteUrl?: string;
}

/**
 * `GONGKAI_DEADLINES` as the functions see it locally: the operator's value (from the process environment,
 * read at each start), with the running site's URL unless the operator set one. A value that is not a JSON
 * object is passed on untouched, so the functions report it as they would on AWS.
 */
export function localDeadlinesConfig(siteUrl: string | undefined, raw = process.env[DEADLINES_CONFIG_ENV]) {
  if (siteUrl === undefined) return raw;
  if (raw === undefined || raw.trim() === '') return JSON.stringify({ siteUrl });
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return raw;
    return 'siteUrl' in value ? raw : JSON.stringify({ ...value, siteUrl });
  } catch {
    return raw;
  }
}

export function awsEnvironment(endpoints: LocalEndpoints, names: LocalResourceNames): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: LOCAL_ACCESS_KEY,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventBridge,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    AWS_ENDPOINT_URL_SES: endpoints.ses,
    AWS_ENDPOINT_URL_SQS: endpoints.sqs,
    // The JS SDK has no environment variable for path-style addressing; the composition root reads this one.
    S3_FORCE_PATH_STYLE: 'true',
    // Default checksums make the SDK stream aws-chunked bodies that s3rver stores framing and all,
    // and put an empty-body CRC into presigned URLs.
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    ...Object.fromEntries(Object.entries(names.tables).map(([name, physical]) => [tableEnvName(name), physical])),
    ...Object.fromEntries(Object.entries(names.buckets).map(([name, physical]) => [bucketEnvName(name), physical])),
    ...Object.fromEntries(
      Object.entries(names.queues ?? {}).flatMap(([name, q]) => [
        [queueEnvName(name), q.url],
        [queueDelayEnvName(name), String(q.delaySeconds)],
      ]),
    ),
    [EVENT_BUS_ENV]: names.eventBus,
    [MAIL_SENDER_ENV]: names.mailSender,
    ...deadlinesEntry(localDeadlinesConfig(names.siteUrl)),
  };
}

function deadlinesEntry(value: string | undefined): Record<string, string> {
  return value === undefined ? {} : { [DEADLINES_CONFIG_ENV]: value };
}

/**
 * Configuration every function gets beside the deadline calendar (CDK sets it from the context): the regions
 * that review filings before publication. Read from the process unless the runner is given a value.
 */
export const CONFIGURATION_VARIABLES = [REVIEW_CONFIG_ENV] as const;
export type Configuration = Partial<Record<(typeof CONFIGURATION_VARIABLES)[number], string>>;

/** The configuration variables this process was started with (`GONGKAI_REVIEW=… npm start`). */
export function configurationFromProcess(): Configuration {
  return Object.fromEntries(
    CONFIGURATION_VARIABLES.flatMap((key) => (process.env[key] === undefined ? [] : [[key, process.env[key]]])),
  );
}

/**
 * What one function sees, as on AWS: the shared settings above without the resource names, then only the
 * variables its declared `uses` produce (as `FunctionBindings` sets them), the configuration every
 * function gets, and the runtime's own variables. A use missing from the declaration fails locally too.
 */
export function declaredEnvironment(
  name: string,
  decl: FunctionDecl<string, string>,
  full: Readonly<Record<string, string>>,
  configuration: Configuration = configurationFromProcess(),
): Record<string, string> {
  const declared = new Set(decl.uses.flatMap(variablesOf));
  const resources = new Set(Object.keys(full).filter(isResourceEnvName));
  const picked = Object.entries(full).filter(([key]) => !resources.has(key) || declared.has(key));
  return {
    ...Object.fromEntries(picked),
    ...configuration,
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(decl.memoryMb ?? FUNCTION_DEFAULTS.memoryMb),
  };
}

/**
 * The shared settings alone: what the local process itself may carry for every function. Not the deadline
 * configuration: it names this start's port, and the next start in the same process must read the operator's.
 */
export function sharedEnvironment(full: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(full).filter(([key]) => !isResourceEnvName(key) && key !== DEADLINES_CONFIG_ENV),
  );
}

function variablesOf(use: Use<string, string>): string[] {
  if ('table' in use) return [tableEnvName(use.table)];
  if ('bucket' in use) return [bucketEnvName(use.bucket)];
  if ('bus' in use) return [EVENT_BUS_ENV];
  if ('queue' in use) return [queueEnvName(use.queue), queueDelayEnvName(use.queue)];
  return [MAIL_SENDER_ENV];
}
