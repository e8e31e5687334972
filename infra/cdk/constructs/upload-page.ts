import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IConstruct } from 'constructs';
import { bucketRef } from '../cdk-interfaces.ts';
import { acknowledgeWildcardResource } from '../wildcard-acknowledgement.ts';

/**
 * Where the upload page lives in the repository and under which path it is served — the same folder and
 * path the local runner mounts (`UPLOAD_PAGE_DIR` in infra/local/runner.ts; a test keeps the two equal).
 */
export const UPLOAD_PAGE = { folder: 'web/file', pathPrefix: '/file/' } as const;

/**
 * The upload page's static files, in a bucket of their own: they are code, shipped with each deployment
 * (so they live in the service stack), and the site publisher, which owns the site bucket, can never
 * overwrite or prune them. CloudFront serves them at `/file/` next to the site and the API.
 */
export interface UploadPageProps {
  /** Absolute path of the folder whose files are served under `UPLOAD_PAGE.pathPrefix`. */
  readonly folder: string;
  readonly logRetention: RetentionDays;
}

export class UploadPage extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: UploadPageProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Holds only the upload page, written by deployments; every read comes through CloudFront, whose logs record it.',
    });
    // An asset of our own (rather than Source.asset) so the staged zip's bucket can be named below.
    const files = new Asset(this, 'Asset', { path: props.folder });
    const deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.bucket(files.bucket, files.s3ObjectKey)],
      destinationBucket: bucketRef(this.bucket),
      destinationKeyPrefix: UPLOAD_PAGE.pathPrefix.slice(1),
      prune: true,
      retainOnDelete: false,
      logGroup: new LogGroup(this, 'CopierLogs', {
        retention: props.logRetention,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
    this.acknowledgeCopier(deployment.handlerRole, files);
  }

  /** CDK's deploy-time copier (one per stack) reads the staged zip and syncs it into this bucket, nothing else. */
  private acknowledgeCopier(role: IConstruct, files: Asset): void {
    const copier = role.node.scope ?? role;
    Validations.of(copier).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "CDK's deploy-time copier of the upload page; the managed policy only lets it write its own logs.",
      },
      { id: 'AwsSolutions-L1', reason: "CDK picks the copier's Python runtime; it runs only during deployments." },
    );
    const syncActions = ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'];
    for (const action of syncActions) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `CDK's copier syncs (aws s3 sync --delete) from the staged zip into the upload-page bucket: ${action} on those two buckets only.`,
      });
    }
    acknowledgeWildcardResource(
      role,
      files.bucket.arnForObjects('*'),
      'The copier reads the staged zip of the upload page.',
    );
    acknowledgeWildcardResource(
      role,
      this.bucket.arnForObjects('*'),
      'The copier writes and prunes upload-page files.',
    );
  }
}
