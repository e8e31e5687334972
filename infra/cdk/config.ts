import type { Node } from 'constructs';
import * as z from 'zod';
import { DeadlineConfigSchema } from '../../shared/deadlines/config.ts';
import { ReviewConfigSchema } from '../../shared/review/review-config.ts';

/** Retention periods CloudWatch Logs accepts; anything else is rejected at synth, not at deploy. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

// `-c key=value` always arrives as a string, cdk.json and tests pass real JSON values: accept both.
const flag = z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());
const count = z.coerce.number().int();

const ContextFields = z.object({
  partition: z.enum(['aws', 'aws-cn']).default('aws'),
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,15}$/, 'lower-case letters, digits and dashes, at most 16')
    .default('dev'),
  domainName: z.string().min(3).optional(),
  certificateArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\//, 'an ACM certificate in us-east-1 (CloudFront)')
    .optional(),
  // China: CloudFront takes no ACM certificate there, only one uploaded to IAM (its id, e.g. ASCA…).
  iamCertificateId: z
    .string()
    .regex(/^[A-Z0-9]{16,32}$/, 'an IAM server certificate id')
    .optional(),
  // The API's own domain (regional certificate): CloudFront's origin, and the execute-api endpoint turned off.
  apiDomainName: z.string().min(3).optional(),
  apiCertificateArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\//, 'an ACM certificate in the API region')
    .optional(),
  webAcl: flag.optional(),
  wafRateLimit: count.min(100).max(2_000_000_000).default(2000),
  wafApiWriteRateLimit: count.min(100).max(2_000_000_000).default(300),
  mailTransport: z.enum(['ses', 'smtp']).optional(),
  smtpHost: z.string().min(3).optional(),
  smtpPort: count.min(1).max(65535).default(465),
  smtpSecretName: z
    .string()
    .regex(/^[\w/+=.@-]{1,512}$/, 'a Secrets Manager secret name')
    .optional(),
  schedules: z.enum(['scheduler', 'rules']).optional(),
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
  // Like `deadlines`: the regions that review filings before publication (`GONGKAI_REVIEW`).
  review: z
    .preprocess(jsonIfString, z.record(z.string(), z.unknown()))
    .superRefine((value, context) => {
      const checked = ReviewConfigSchema.safeParse(value);
      for (const issue of checked.error?.issues ?? []) {
        context.addIssue({ code: 'custom', message: `${issue.path.join('.') || '(root)'} ${issue.message}` });
      }
    })
    .optional(),
});

const ContextSchema = ContextFields.refine(
  (c) => c.partition !== 'aws' || (c.domainName === undefined) === (c.certificateArn === undefined),
  { message: 'domainName and certificateArn go together', path: ['domainName'] },
)
  .refine((c) => c.partition !== 'aws-cn' || (c.domainName === undefined) === (c.iamCertificateId === undefined), {
    message: 'in aws-cn, domainName and iamCertificateId go together (CloudFront there takes no ACM certificate)',
    path: ['domainName'],
  })
  .refine((c) => c.partition !== 'aws-cn' || c.certificateArn === undefined, {
    message: 'CloudFront in aws-cn takes no ACM certificate: upload one to IAM and pass -c iamCertificateId',
    path: ['certificateArn'],
  })
  .refine((c) => (c.apiDomainName === undefined) === (c.apiCertificateArn === undefined), {
    message: 'apiDomainName and apiCertificateArn go together',
    path: ['apiDomainName'],
  })
  .refine((c) => c.partition !== 'aws-cn' || c.webAcl !== true, {
    message: 'AWS WAF is regional only in the China regions: no web ACL can be attached to CloudFront there',
    path: ['webAcl'],
  })
  .refine((c) => c.partition !== 'aws-cn' || c.mailTransport !== 'ses', {
    message: 'Amazon SES is not offered in the China regions: use -c mailTransport=smtp',
    path: ['mailTransport'],
  })
  .refine((c) => c.stage !== 'prod' || mailTransportOf(c) !== 'smtp' || c.smtpHost !== undefined, {
    message: 'prod needs a real SMTP relay: -c smtpHost=smtp.your-provider.cn',
    path: ['smtpHost'],
  })
  .refine((c) => c.stage !== 'prod' || c.partition !== 'aws-cn' || c.domainName !== undefined, {
    message: 'CloudFront in aws-cn serves nothing on *.cloudfront.cn: prod needs an ICP-recorded -c domainName',
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

/** How notices leave: Amazon SES, or an SMTP relay (China: SES is not offered there) with a stored login. */
export type MailTransport =
  | { readonly kind: 'ses' }
  | { readonly kind: 'smtp'; readonly host: string; readonly port: number; readonly secretName: string };

/** Everything a deployment may vary, read once from CDK context (`cdk.json` or `-c key=value`). */
export interface DeployConfig {
  /** `aws-cn` (Beijing, Ningxia) swaps what those regions lack for what they have: see docs/deploy.md. */
  readonly partition: 'aws' | 'aws-cn';
  readonly stage: string;
  /**
   * Custom domain for CloudFront: an ACM certificate in us-east-1, or in aws-cn an IAM server certificate
   * (CloudFront China reads no ACM certificate).
   */
  readonly domain?: { readonly name: string; readonly certificateArn?: string; readonly iamCertificateId?: string };
  /** The API's own regional domain; with it, the execute-api endpoint is disabled and CloudFront uses this. */
  readonly apiDomain?: { readonly name: string; readonly certificateArn: string };
  /** AWS WAF on CloudFront (global partition only): requests per IP per five minutes, all and API writes. */
  readonly webAcl?: { readonly rateLimit: number; readonly apiWriteRateLimit: number };
  readonly mail: MailTransport;
  /** EventBridge Scheduler (time zones), or EventBridge rules with a UTC cron where Scheduler is missing. */
  readonly schedules: 'scheduler' | 'rules';
  /** arm64 where Lambda offers Graviton everywhere (aws); x86_64, offered in every region, in aws-cn. */
  readonly lambdaArchitecture: 'arm64' | 'x86_64';
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
  /** Regions that review filings before publication (`GONGKAI_REVIEW`), as given; none when empty. */
  readonly review: Readonly<Record<string, unknown>>;
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
  const global = c.partition === 'aws';
  return {
    partition: c.partition,
    stage: c.stage,
    ...(c.domainName === undefined
      ? {}
      : {
          domain: {
            name: c.domainName,
            ...(c.certificateArn === undefined ? {} : { certificateArn: c.certificateArn }),
            ...(c.iamCertificateId === undefined ? {} : { iamCertificateId: c.iamCertificateId }),
          },
        }),
    ...(c.apiDomainName !== undefined && c.apiCertificateArn !== undefined
      ? { apiDomain: { name: c.apiDomainName, certificateArn: c.apiCertificateArn } }
      : {}),
    ...((c.webAcl ?? global)
      ? { webAcl: { rateLimit: c.wafRateLimit, apiWriteRateLimit: c.wafApiWriteRateLimit } }
      : {}),
    mail:
      mailTransportOf(c) === 'smtp'
        ? {
            kind: 'smtp',
            // Like the sender: a placeholder only outside prod (`.invalid` never resolves, so nothing is sent).
            host: c.smtpHost ?? 'smtp.invalid',
            port: c.smtpPort,
            secretName: c.smtpSecretName ?? `gongkai/${c.stage}/smtp-login`,
          }
        : { kind: 'ses' },
    schedules: c.schedules ?? 'scheduler',
    lambdaArchitecture: global ? 'arm64' : 'x86_64',
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
    review: c.review ?? {},
  };
}

function mailTransportOf(c: { partition: 'aws' | 'aws-cn'; mailTransport?: 'ses' | 'smtp' | undefined }) {
  return c.mailTransport ?? (c.partition === 'aws' ? 'ses' : 'smtp');
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
