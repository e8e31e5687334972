import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { bucketEnvName, tableEnvName } from '../../infra/declaration.ts';
import { fixtureApp } from './fixtures/app.ts';
import { declaredResources, synthesize } from './synthesized.ts';

const { deployment, stateful } = synthesize(fixtureApp);
const tables = declaredResources(stateful, 'AWS::DynamoDB::GlobalTable', 'table');
const buckets = declaredResources(stateful, 'AWS::S3::Bucket', 'bucket');

function bucket(name: string) {
  const found = buckets.get(name);
  if (!found) throw new Error(`no bucket declared as ${name}`);
  return found;
}

describe('stateful stack', () => {
  it('is termination-protected and holds no function of the application', () => {
    expect(deployment.stateful.terminationProtection).toBe(true);
    stateful.resourcePropertiesCountIs('AWS::Lambda::Function', { Runtime: 'nodejs22.x' }, 0);
  });

  it('keeps every declared table on demand, with point-in-time recovery, deletion protection and KMS', () => {
    expect([...tables.keys()].sort()).toEqual(Object.keys(fixtureApp.tables).sort());
    const resources = stateful.toJSON().Resources;
    for (const [name, { logicalId }] of tables) {
      expect(resources[logicalId], name).toMatchObject({
        DeletionPolicy: 'Retain',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
          Replicas: [
            {
              DeletionProtectionEnabled: true,
              PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            },
          ],
        },
      });
    }
  });

  it('gives a table the keys, indexes and TTL attribute it declares', () => {
    expect(tables.get('records')?.properties).toMatchObject({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byYear',
          KeySchema: [
            { AttributeName: 'year', KeyType: 'HASH' },
            { AttributeName: 'agencyId', KeyType: 'RANGE' },
          ],
        },
      ],
      AttributeDefinitions: expect.arrayContaining([{ AttributeName: 'year', AttributeType: 'N' }]),
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    expect(tables.get('tokens')?.properties).not.toHaveProperty('TimeToLiveSpecification');
  });

  it('blocks public access, encrypts and logs every declared bucket, and denies any request without TLS 1.2', () => {
    for (const [name, { logicalId, properties }] of buckets) {
      expect(properties, name).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { LogFilePrefix: `s3/${name}/` },
      });
      stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: logicalId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
            }),
          ]),
        },
      });
    }
  });

  it('locks filed originals for ten years by default, in governance mode outside prod', () => {
    expect(bucket('originals').properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 3653 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(bucket('originals').properties).not.toHaveProperty('LifecycleConfiguration.Rules.0.ExpirationInDays');
  });

  it('sends upload-bucket events to EventBridge, expires staged files unlocked and accepts browser POSTs', () => {
    const uploads = bucket('uploads');
    stateful.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: uploads.logicalId },
      NotificationConfiguration: { EventBridgeConfiguration: {} },
    });
    expect(uploads.properties).toMatchObject({
      LifecycleConfiguration: {
        Rules: [{ ExpirationInDays: 30, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
      },
      CorsConfiguration: { CorsRules: [{ AllowedMethods: ['POST'], AllowedOrigins: ['https://*.cloudfront.net'] }] },
    });
    // Rejected and superseded files must be able to expire: the staging bucket is never locked.
    expect(uploads.properties.ObjectLockEnabled).toBeUndefined();
    expect(uploads.properties.ObjectLockConfiguration).toBeUndefined();
    stateful.resourceCountIs('Custom::S3BucketNotifications', 1);
  });

  it('versions the site bucket, expires old versions, and lets only CloudFront of this account read it', () => {
    const site = bucket('site');
    expect(site.properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: [{ NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] },
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: site.logicalId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: Match.objectLike({ StringEquals: { 'AWS:SourceAccount': { Ref: 'AWS::AccountId' } } }),
          }),
        ]),
      },
    });
  });

  it('collects access logs in one private bucket that expires them', () => {
    stateful.resourceCountIs('AWS::S3::Bucket', buckets.size + 1);
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 365 })] },
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true }),
    });
  });

  it('archives every event on the application bus for a year', () => {
    const bus = Object.keys(stateful.findResources('AWS::Events::EventBus'));
    expect(bus).toHaveLength(1);
    stateful.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [bus[0], 'Arn'] },
      RetentionDays: 365,
      EventPattern: { account: [{ Ref: 'AWS::AccountId' }] },
    });
  });

  it('verifies the sender with SES and sends through a configuration set that suppresses bounces', () => {
    const configurationSet = Object.keys(stateful.findResources('AWS::SES::ConfigurationSet'));
    stateful.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
    stateful.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'notices@example.com',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSet[0] } },
    });
  });

  it('outputs the generated name of every declared table and bucket under the variable that carries it', () => {
    for (const [name, { logicalId }] of tables) {
      stateful.hasOutput('*', { Value: { Ref: logicalId }, Description: tableEnvName(name) });
    }
    for (const [name, { logicalId }] of buckets) {
      stateful.hasOutput('*', { Value: { Ref: logicalId }, Description: bucketEnvName(name) });
    }
  });
});
