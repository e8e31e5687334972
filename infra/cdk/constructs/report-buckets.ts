import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type BucketProps,
  type CorsRule,
  HttpMethods,
  type LifecycleRule,
  ObjectLockRetention,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { BucketDecl } from '../../declaration.ts';
import { bucketRef } from '../cdk-interfaces.ts';
import { constructId } from '../construct-id.ts';
import { tagDeclared } from '../declared-as.ts';
import type { DeclaredBucket } from './function-bindings.ts';

export interface ReportBucketsProps {
  readonly buckets: Readonly<Record<string, BucketDecl>>;
  readonly objectLock: { readonly mode: 'COMPLIANCE' | 'GOVERNANCE'; readonly years: number };
  /** Origins allowed to POST straight into upload buckets with a presigned policy (the site's own origin). */
  readonly uploadOrigins: readonly string[];
}

const ACCESS_LOG_DAYS = 365;

/**
 * Every declared bucket, private and TLS-only, SSE-S3 encrypted (CloudFront's origin access control cannot read
 * objects under the AWS-managed KMS key, and the public pages gain nothing from a customer key), with server
 * access logs in one log bucket. `immutable` buckets get Object Lock with a default retention, so a filed
 * original can be neither deleted nor overwritten in place; `expiresAfterDays` buckets delete what they hold
 * after that many days (staged files: a version copies its original into the locked bucket first, so what is
 * left is rejected or superseded); `eventBridge` buckets report new objects to the default event bus and accept
 * browser POST uploads from the site's origin, each capped in size and type by its signed policy.
 */
export class ReportBuckets extends Construct {
  readonly buckets: Readonly<Record<string, DeclaredBucket>>;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: ReportBucketsProps) {
    super(scope, id);
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      ...PRIVATE_TLS_ONLY,
      // CloudFront standard logs are delivered with an ACL grant, so this one bucket keeps ACLs enabled.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [
        { expiration: Duration.days(ACCESS_LOG_DAYS), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log destination of every other bucket and of CloudFront; logging it would loop.',
    });
    const buckets: Record<string, DeclaredBucket> = {};
    for (const [name, declaration] of Object.entries(props.buckets)) {
      const bucket = new Bucket(this, constructId(name), {
        ...PRIVATE_TLS_ONLY,
        ...this.settingsFor(declaration, props),
        objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
        serverAccessLogsBucket: bucketRef(this.accessLogs),
        serverAccessLogsPrefix: `s3/${name}/`,
        eventBridgeEnabled: declaration.eventBridge === true,
      });
      tagDeclared(bucket, 'bucket', name);
      if (declaration.publicSite === true) allowCloudFrontToRead(bucket);
      buckets[name] = { bucket, immutable: declaration.immutable === true };
    }
    this.buckets = buckets;
    this.acknowledgeNotificationsHandler();
  }

  /**
   * `eventBridgeEnabled` is applied at deploy time by CDK's singleton BucketNotificationsHandler function
   * (one per stack, found by the id CDK gives it).
   */
  private acknowledgeNotificationsHandler(): void {
    for (const child of Stack.of(this).node.children) {
      if (!child.node.id.startsWith('BucketNotificationsHandler')) continue;
      Validations.of(child).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's deploy-time handler that turns on S3 → EventBridge for the upload bucket; it runs only during deployments and its managed policy only writes its own logs.",
      });
    }
  }

  private settingsFor(declaration: BucketDecl, props: ReportBucketsProps): Partial<BucketProps> {
    if (declaration.immutable === true) {
      const retention = Duration.days(Math.ceil(props.objectLock.years * 365.25));
      return {
        versioned: true,
        objectLockEnabled: true,
        objectLockDefaultRetention:
          props.objectLock.mode === 'COMPLIANCE'
            ? ObjectLockRetention.compliance(retention)
            : ObjectLockRetention.governance(retention),
        // Locked versions outlive any lifecycle rule; only unfinished multipart uploads can be cleaned up.
        lifecycleRules: [ABORT_UNFINISHED_UPLOADS],
      };
    }
    if (declaration.expiresAfterDays !== undefined || declaration.eventBridge === true) {
      const expiry = declaration.expiresAfterDays;
      return {
        versioned: false,
        lifecycleRules: [
          expiry === undefined
            ? ABORT_UNFINISHED_UPLOADS
            : { ...ABORT_UNFINISHED_UPLOADS, expiration: Duration.days(expiry) },
        ],
        ...(declaration.eventBridge === true ? { cors: uploadCors(props.uploadOrigins) } : {}),
      };
    }
    return {
      versioned: true,
      lifecycleRules: [{ ...ABORT_UNFINISHED_UPLOADS, noncurrentVersionExpiration: Duration.days(30) }],
    };
  }
}

function uploadCors(origins: readonly string[]): CorsRule[] {
  return [
    {
      allowedMethods: [HttpMethods.POST],
      allowedOrigins: [...origins],
      allowedHeaders: ['content-type', 'content-length', 'x-amz-*'],
      exposedHeaders: ['ETag'],
      maxAge: 3600,
    },
  ];
}

/**
 * Origin access control for the site bucket. The distribution lives in the service stack, and naming it here
 * would make the two stacks depend on each other both ways; so reading is allowed to CloudFront on behalf of
 * distributions of this account (what CDK itself does for KMS keys behind OAC). The pages are public anyway;
 * what the policy keeps out is every other account's distribution and direct S3 access.
 */
function allowCloudFrontToRead(bucket: Bucket): void {
  bucket.addToResourcePolicy(
    new PolicyStatement({
      principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects('*')],
      conditions: {
        StringEquals: { 'AWS:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*` },
      },
    }),
  );
}

const PRIVATE_TLS_ONLY = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  encryption: BucketEncryption.S3_MANAGED,
  removalPolicy: RemovalPolicy.RETAIN,
} as const satisfies BucketProps;

const ABORT_UNFINISHED_UPLOADS: LifecycleRule = { abortIncompleteMultipartUploadAfter: Duration.days(1) };
