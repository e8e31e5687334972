import { App, Token } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app as realApp } from '../../infra/app.ts';
import { readDeployConfig } from '../../infra/cdk/config.ts';
import { fixtureApp } from './fixtures/app.ts';
import { declaredResources, FIXTURE_UPLOAD_PAGE, synthesize, withPolicyChecks } from './synthesized.ts';

/** What a county in Beijing or Ningxia passes: `npm run synth -- -c partition=aws-cn -c …`. */
const CHINA = {
  partition: 'aws-cn',
  stage: 'prod',
  senderEmail: 'notices@county.gov.cn',
  smtpHost: 'smtp.qiye.example.cn',
  smtpSecretName: 'gongkai/smtp-login',
  domainName: 'gongkai.county.gov.cn',
  iamCertificateId: 'ASCAEXAMPLEEXAMPLE123',
};
const configFrom = (context: Record<string, unknown>) => readDeployConfig(new App({ context }).node);

const { deployment, stateful, service } = synthesize(fixtureApp, CHINA, { uploadPageFolder: FIXTURE_UPLOAD_PAGE });
const templates = () => [stateful, service].map((template) => JSON.stringify(template.toJSON()));

describe('the China profile (-c partition=aws-cn)', () => {
  it('names no partition in any ARN: every ARN is built on AWS::Partition', () => {
    for (const template of templates()) {
      expect(template).not.toMatch(/arn:aws:/);
      expect(template).not.toMatch(/arn:aws-cn:/);
    }
    const real = synthesize(realApp, CHINA);
    for (const template of [real.stateful, real.service])
      expect(JSON.stringify(template.toJSON())).not.toMatch(/arn:aws:/);
  });

  it("ignores a CLI region outside China, and takes the partition's literal from a region inside it", () => {
    const cliRegion = process.env.CDK_DEFAULT_REGION;
    try {
      process.env.CDK_DEFAULT_REGION = 'us-east-1';
      const elsewhere = synthesize(fixtureApp, CHINA);
      expect(Token.isUnresolved(elsewhere.deployment.service.region)).toBe(true);
      for (const template of [elsewhere.stateful, elsewhere.service]) {
        expect(JSON.stringify(template.toJSON())).not.toMatch(/arn:aws:|us-east-1/);
      }
      // In a China region, CDK also checks every resource type against CloudFormation's registry there
      // (SES, origin access control and CloudFront Functions are absent): synth fails on any the profile kept.
      process.env.CDK_DEFAULT_REGION = 'cn-north-1';
      expect(synthesize(realApp, CHINA).deployment.service.region).toBe('cn-north-1');
      process.env.CDK_DEFAULT_REGION = 'cn-northwest-1';
      const ningxia = synthesize(fixtureApp, { ...CHINA, schedules: 'rules' });
      expect(ningxia.deployment.service.region).toBe('cn-northwest-1');
      expect(JSON.stringify(ningxia.service.toJSON())).not.toMatch(/arn:aws:/);
      expect(() => synthesize(fixtureApp, {})).toThrow(/cn-northwest-1 is in the aws-cn partition/);
    } finally {
      if (cliRegion === undefined) delete process.env.CDK_DEFAULT_REGION;
      else process.env.CDK_DEFAULT_REGION = cliRegion;
    }
  });

  it('sends notices through the SMTP relay, its login read from Secrets Manager, not through SES', () => {
    stateful.resourceCountIs('AWS::SES::EmailIdentity', 0);
    stateful.resourceCountIs('AWS::SES::ConfigurationSet', 0);
    const sender = declaredResources(service, 'AWS::Lambda::Function', 'function').get('sendReminders');
    const environment = sender?.properties.Environment as { Variables: Record<string, unknown> } | undefined;
    const variables = environment?.Variables;
    expect(variables).toMatchObject({
      MAIL_SENDER: 'notices@county.gov.cn',
      SMTP_HOST: 'smtp.qiye.example.cn',
      SMTP_PORT: '465',
      SMTP_SECRET_ID: 'gongkai/smtp-login',
    });
    expect(JSON.stringify(variables)).not.toMatch(/password|MAIL_CONFIGURATION_SET/i);
    service.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'secretsmanager:GetSecretValue',
            Resource: {
              'Fn::Join': ['', Match.arrayWith([{ Ref: 'AWS::Partition' }, ':secret:gongkai/smtp-login-??????'])],
            },
          }),
        ]),
      },
    });
    expect(JSON.stringify(service.toJSON())).not.toMatch(/ses:SendEmail/);
  });

  it('keeps Scheduler, which CloudFormation offers there, and falls back to UTC rules with -c schedules=rules', () => {
    service.resourceCountIs('AWS::Scheduler::Schedule', 1);
    const rules = synthesize(fixtureApp, { ...CHINA, schedules: 'rules' }).service;
    rules.resourceCountIs('AWS::Scheduler::Schedule', 0);
    rules.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 1 ? 1 MON-FRI *)',
      Targets: [
        Match.objectLike({
          DeadLetterConfig: Match.anyValue(),
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        }),
      ],
    });
  });

  it('puts no web ACL on CloudFront (AWS WAF is regional only there) and keeps the route throttles', () => {
    expect(deployment.edge).toBeUndefined();
    service.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ WebACLId: Match.absent() }),
    });
    service.hasResourceProperties('AWS::ApiGatewayV2::Stage', { RouteSettings: Match.anyValue() });
  });

  it('serves the ICP-recorded domain with an IAM certificate and reads the buckets through an origin access identity', () => {
    service.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['gongkai.county.gov.cn'],
        ViewerCertificate: {
          IamCertificateId: 'ASCAEXAMPLEEXAMPLE123',
          SslSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        },
      }),
    });
    service.resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
    service.resourceCountIs('AWS::CloudFront::Function', 0);
    stateful.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 1);
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { CanonicalUser: Match.anyValue() }, Action: 's3:GetObject' }),
        ]),
      },
    });
  });

  it('runs functions on x86_64', () => {
    const functions = declaredResources(service, 'AWS::Lambda::Function', 'function');
    expect(functions.size).toBe(Object.keys(fixtureApp.functions).length);
    for (const { properties } of functions.values()) expect(properties.Architectures).toEqual(['x86_64']);
  });

  it('leaves no unacknowledged cdk-nag finding', () => {
    const { app } = withPolicyChecks(realApp, {}, CHINA);
    expect(() => app.synth()).not.toThrow();
  });

  it('refuses what the China regions do not offer, naming the key', () => {
    expect(() => configFrom({ ...CHINA, webAcl: 'true' })).toThrow(/webAcl: AWS WAF is regional only/);
    expect(() => configFrom({ ...CHINA, mailTransport: 'ses' })).toThrow(/mailTransport: Amazon SES is not offered/);
    expect(() => configFrom({ ...CHINA, smtpHost: undefined })).toThrow(/smtpHost: prod needs a real SMTP relay/);
    expect(() => configFrom({ ...CHINA, domainName: undefined, iamCertificateId: undefined })).toThrow(
      /domainName: CloudFront in aws-cn serves nothing/,
    );
    expect(configFrom({ partition: 'aws-cn' })).toMatchObject({
      mail: { kind: 'smtp', host: 'smtp.invalid', port: 465, secretName: 'gongkai/dev/smtp-login' },
      lambdaArchitecture: 'x86_64',
    });
    expect(configFrom({ partition: 'aws-cn' }).webAcl).toBeUndefined();
    expect(() => configFrom({ ...CHINA, iamCertificateId: undefined })).toThrow(/domainName and iamCertificateId/);
    expect(() =>
      configFrom({ ...CHINA, certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }),
    ).toThrow(/certificateArn: CloudFront in aws-cn takes no ACM certificate/);
  });
});
