import type { Node } from 'constructs';
import { z } from 'zod';
import { DeadlineConfigSchema } from '../../shared/deadlines/config.ts';

/** Retention periods CloudWatch Logs accepts; anything else is rejected at synth, not at deploy. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

// `-c key=value` always arrives as a string, cdk.json and tests pass real JSON values: accept both.
const flag = z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());
const count = z.coerce.number().int();

const ContextFields = z.object({
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,15}$/, 'lower-case letters, digits and dashes, at most 16')
    .default('dev'),
  domainName: z.string().min(3).optional(),
  certificateArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\//, 'an ACM certificate in us-east-1 (CloudFront)')
    .optional(),
  senderEmail: z.email().optional(),
  senderDomain: z.string().min(3).optional(),
  alarmEmail: z.email().optional(),
  logRetentionDays: count
    .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
      message: `one of ${LOG_RETENTION_DAYS.join(', ')}`,
    })
    .default(90),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  deletionProtection: flag.default(true),
  objectLockYears: count.min(1).max(100).default(10),
  objectLockMode: z.enum(['COMPLIANCE', 'GOVERNANCE']).optional(),
  eventArchiveDays: count.min(1).max(3650).default(365),
  apiRateLimit: count.min(1).default(50),
  apiBurstLimit: count.min(1).default(100),
  // An object in cdk.json, a JSON string from `-c deadlines='{…}'`; checked against the functions' own schema.
  deadlines: z
    .preprocess(jsonIfString, z.record(z.string(), z.unknown()))
    .superRefine((value, context) => {
      const checked = DeadlineConfigSchema.safeParse(value);
      for (const issue of checked.error?.issues ?? []) {
        context.addIssue({ code: 'custom', message: `${issue.path.join('.') || '(root)'} ${issue.message}` });
      }
    })
    .optional(),
});

const ContextSchema = ContextFields.refine((c) => (c.domainName === undefined) === (c.certificateArn === undefined), {
  message: 'domainName and certificateArn go together',
  path: ['domainName'],
})
  .refine((c) => c.senderDomain === undefined || c.senderEmail?.endsWith(`@${c.senderDomain}`) === true, {
    message: 'senderEmail must be an address in senderDomain',
    path: ['senderEmail'],
  })
  .refine((c) => c.stage !== 'prod' || c.senderEmail !== undefined, {
    message: 'prod needs a real sender: -c senderEmail=notices@your-county.gov.cn',
    path: ['senderEmail'],
  });

/** Everything a deployment may vary, read once from CDK context (`cdk.json` or `-c key=value`). */
export interface DeployConfig {
  readonly stage: string;
  /** Custom domain for CloudFront; the certificate must live in us-east-1. */
  readonly domain?: { readonly name: string; readonly certificateArn: string };
  readonly senderEmail: string;
  /** Verify the whole domain (DKIM) instead of the single sender address. */
  readonly senderDomain?: string;
  readonly alarmEmail?: string;
  readonly logRetentionDays: number;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  readonly deletionProtection: boolean;
  readonly objectLockYears: number;
  readonly objectLockMode: 'COMPLIANCE' | 'GOVERNANCE';
  readonly eventArchiveDays: number;
  readonly api: { readonly rateLimit: number; readonly burstLimit: number };
  /** Deadline calendar overrides for the functions (`GONGKAI_DEADLINES`), as given; the functions apply defaults. */
  readonly deadlines: Readonly<Record<string, unknown>>;
}

const CONTEXT_KEYS = Object.keys(ContextFields.shape);

/** Reads and checks the deployment context; a bad value fails synth with the key's name. */
export function readDeployConfig(node: Node): DeployConfig {
  const raw = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, node.tryGetContext(key)]));
  const parsed = ContextSchema.safeParse(withoutUndefined(raw));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid deployment context: ${problems.join('; ')}`);
  }
  const c = parsed.data;
  return {
    stage: c.stage,
    ...(c.domainName !== undefined && c.certificateArn !== undefined
      ? { domain: { name: c.domainName, certificateArn: c.certificateArn } }
      : {}),
    // A placeholder only outside prod: SES will not send until the identity is verified anyway.
    senderEmail: c.senderEmail ?? 'notices@example.com',
    ...(c.senderDomain !== undefined ? { senderDomain: c.senderDomain } : {}),
    ...(c.alarmEmail !== undefined ? { alarmEmail: c.alarmEmail } : {}),
    logRetentionDays: c.logRetentionDays,
    logLevel: c.logLevel,
    deletionProtection: c.deletionProtection,
    objectLockYears: c.objectLockYears,
    // Compliance mode cannot be lifted by anyone, root included; dev stages keep an escape hatch.
    objectLockMode: c.objectLockMode ?? (c.stage === 'prod' ? 'COMPLIANCE' : 'GOVERNANCE'),
    eventArchiveDays: c.eventArchiveDays,
    api: { rateLimit: c.apiRateLimit, burstLimit: c.apiBurstLimit },
    deadlines: c.deadlines ?? {},
  };
}

function jsonIfString(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
