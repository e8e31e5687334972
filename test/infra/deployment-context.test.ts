import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { readDeployConfig } from '../../infra/cdk/config.ts';
import { fixtureApp } from './fixtures/app.ts';
import { declaredResources, synthesize } from './synthesized.ts';

const configFrom = (context: Record<string, unknown>) => readDeployConfig(new App({ context }).node);

const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100';
// What a county passes for its production deployment; `-c key=value` hands every value over as a string.
const { deployment, stateful, service } = synthesize(fixtureApp, {
  stage: 'prod',
  senderEmail: 'notices@county.gov.cn',
  senderDomain: 'county.gov.cn',
  alarmEmail: 'ops@county.gov.cn',
  domainName: 'gongkai.county.gov.cn',
  certificateArn: CERTIFICATE,
  deletionProtection: 'false',
  objectLockYears: '7',
  logRetentionDays: '365',
  deadlines: '{"reminders":{"dueSoonDays":[7]},"regions":{"曲江区":"03-15"}}',
  review: '{"regions":{"440205":{"department":true}}}',
});

describe('deployment context', () => {
  it('defaults to a dev stage that protects data and keeps logs for 90 days', () => {
    expect(configFrom({})).toEqual({
      partition: 'aws',
      stage: 'dev',
      webAcl: { rateLimit: 2000, apiWriteRateLimit: 300 },
      mail: { kind: 'ses' },
      schedules: 'scheduler',
      lambdaArchitecture: 'arm64',
      senderEmail: 'notices@example.com',
      logRetentionDays: 90,
      logLevel: 'INFO',
      deletionProtection: true,
      objectLockYears: 10,
      objectLockMode: 'GOVERNANCE',
      eventArchiveDays: 365,
      api: { rateLimit: 50, burstLimit: 100 },
      deadlines: {},
      review: {},
    });
  });

  it('reads -c strings as the numbers and booleans they spell, and locks in compliance mode in prod', () => {
    expect(
      configFrom({
        stage: 'prod',
        senderEmail: 'notices@county.gov.cn',
        deletionProtection: 'false',
        apiRateLimit: '20',
      }),
    ).toMatchObject({
      deletionProtection: false,
      objectLockMode: 'COMPLIANCE',
      api: { rateLimit: 20, burstLimit: 100 },
    });
    expect(configFrom({ objectLockMode: 'COMPLIANCE' }).objectLockMode).toBe('COMPLIANCE');
  });

  it('refuses prod without a real sender, a retention CloudWatch does not offer, and half a custom domain', () => {
    expect(() => configFrom({ stage: 'prod' })).toThrow(/senderEmail: prod needs a real sender/);
    expect(() => configFrom({ logRetentionDays: 100 })).toThrow(/logRetentionDays: one of 1, 3, 5/);
    expect(() => configFrom({ domainName: 'gongkai.county.gov.cn' })).toThrow(
      /domainName and certificateArn go together/,
    );
    expect(() =>
      configFrom({ domainName: 'x.cn', certificateArn: 'arn:aws:acm:ap-east-1:123456789012:certificate/abc' }),
    ).toThrow(/certificateArn: an ACM certificate in us-east-1/);
    expect(() => configFrom({ senderEmail: 'a@b.cn', senderDomain: 'c.cn' })).toThrow(/address in senderDomain/);
    expect(() => configFrom({ deletionProtection: 'no' })).toThrow(/deletionProtection/);
    expect(() => configFrom({ stage: 'Prod!' })).toThrow(/stage: lower-case letters/);
    expect(() => configFrom({ deadlines: '{"reminders":{"dueSoonDays":[0]}}' })).toThrow(
      /deadlines: reminders.dueSoonDays.0 /,
    );
    expect(() => configFrom({ deadlines: '{not json' })).toThrow(/deadlines: /);
    expect(() => configFrom({ review: '{"regions":{"曲江区":true}}' })).toThrow(/review: regions.曲江区 /);
  });
});

describe('a production deployment with its own domain', () => {
  it('names its stacks after the stage', () => {
    expect([deployment.stateful.stackName, deployment.service.stackName]).toEqual([
      'Gongkai-prod-Stateful',
      'Gongkai-prod-Service',
    ]);
  });

  it('locks originals in compliance mode for the configured years', () => {
    expect(declaredResources(stateful, 'AWS::S3::Bucket', 'bucket').get('originals')?.properties).toMatchObject({
      ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2557 } } },
    });
  });

  it('lets tables go with the stack only because deletion protection was turned off', () => {
    const resources = stateful.toJSON().Resources;
    for (const { logicalId } of declaredResources(stateful, 'AWS::DynamoDB::GlobalTable', 'table').values()) {
      expect(resources[logicalId]).toMatchObject({
        DeletionPolicy: 'Delete',
        Properties: { Replicas: [{ DeletionProtectionEnabled: false }] },
      });
    }
  });

  it('serves the custom domain with TLS 1.2 and accepts browser uploads from it only', () => {
    service.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['gongkai.county.gov.cn'],
        ViewerCertificate: {
          AcmCertificateArn: CERTIFICATE,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      }),
    });
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://gongkai.county.gov.cn'] })] },
    });
    service.hasOutput('SiteUrl', { Value: 'https://gongkai.county.gov.cn' });
  });

  it('hands the deadline overrides to the functions, with the custom domain as the site URL', () => {
    service.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          GONGKAI_DEADLINES:
            '{"siteUrl":"https://gongkai.county.gov.cn","reminders":{"dueSoonDays":[7]},"regions":{"曲江区":"03-15"}}',
        }),
      },
    });
  });

  it('hands the review setting to the functions as given', () => {
    service.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ GONGKAI_REVIEW: '{"regions":{"440205":{"department":true}}}' }),
      },
    });
  });

  it('verifies the sender domain, e-mails alarms, and keeps logs as long as configured', () => {
    stateful.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'county.gov.cn' });
    service.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@county.gov.cn' });
    service.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    service.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MAIL_SENDER: 'notices@county.gov.cn' }) },
    });
  });
});
