import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app as realApp } from '../../infra/app.ts';
import { fixtureApp } from './fixtures/app.ts';
import { synthesize, withPolicyChecks } from './synthesized.ts';

const { deployment, edge, service } = synthesize(fixtureApp);

describe('the web ACL in front of CloudFront', () => {
  it('lives in a stack of its own in us-east-1, deployed before the service stack', () => {
    expect(deployment.edge?.region).toBe('us-east-1');
    expect(deployment.edge?.stackName).toBe('Gongkai-dev-Edge');
    expect(deployment.service.dependencies).toContain(deployment.edge);
  });

  it('blocks an IP above its rate, and above a tighter one for API writes', () => {
    edge?.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'RatePerIp',
          Action: { Block: {} },
          Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } },
        }),
        Match.objectLike({
          Name: 'ApiWritesPerIp',
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: Match.objectLike({
              Limit: 300,
              AggregateKeyType: 'IP',
              ScopeDownStatement: Match.anyValue(),
            }),
          },
        }),
      ]),
    });
  });

  it("applies AWS's common and known-bad-inputs rule sets, counting (not blocking) their body rules", () => {
    const [acl] = Object.values(edge?.findResources('AWS::WAFv2::WebACL') ?? {});
    const rules: { Name: string; Statement: Record<string, unknown>; VisibilityConfig: unknown }[] =
      acl?.Properties.Rules ?? [];
    const common = rules.find((rule) => rule.Name === 'AWSManagedRulesCommonRuleSet');
    expect(common?.Statement).toMatchObject({
      ManagedRuleGroupStatement: {
        VendorName: 'AWS',
        Name: 'AWSManagedRulesCommonRuleSet',
        RuleActionOverrides: expect.arrayContaining([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]),
      },
    });
    expect(rules.map((rule) => rule.Name)).toContain('AWSManagedRulesKnownBadInputsRuleSet');
    for (const rule of rules) {
      expect(rule.VisibilityConfig).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
    }
  });

  it('is attached to the distribution through its ARN, published in us-east-1 and read back at deploy time', () => {
    edge?.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/gongkai/dev/web-acl-arn',
      Value: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
    });
    const [reader] = Object.keys(service.findResources('Custom::AWS'));
    service.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ WebACLId: { 'Fn::GetAtt': [reader, 'Parameter.Value'] } }),
    });
    service.hasResourceProperties('Custom::AWS', {
      Update: Match.stringLikeRegexp('"region":"us-east-1"'),
    });
  });

  it('is left out with -c webAcl=false', () => {
    const without = synthesize(fixtureApp, { webAcl: 'false' });
    expect(without.deployment.edge).toBeUndefined();
    without.service.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ WebACLId: Match.absent() }),
    });
  });
});

describe('per-route throttles', () => {
  it('limits each route that declares a throttle, below the stage-wide limit', () => {
    service.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      RouteSettings: { 'POST /v1/filings': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } },
    });
  });

  it('declares a throttle on every expensive route of infra/app.ts', () => {
    const throttled = realApp.routes
      .filter((route) => route.throttle !== undefined)
      .map((r) => `${r.method} ${r.path}`);
    expect(throttled.sort()).toEqual([
      'POST /v1/admin/deadlines/run',
      'POST /v1/admin/imports',
      'POST /v1/admin/site/rebuild',
      'POST /v1/reports',
      'POST /v1/sign-in/codes',
      'POST /v1/sign-in/sessions',
      'POST /v1/uploads',
    ]);
    const real = synthesize(realApp);
    const [stage] = Object.values(real.service.findResources('AWS::ApiGatewayV2::Stage'));
    expect(Object.keys(stage?.Properties.RouteSettings ?? {}).sort()).toEqual(throttled);
  });

  it('refuses a route throttle above the stage limit', () => {
    expect(() => synthesize(fixtureApp, { apiRateLimit: '4' })).toThrow(/POST \/v1\/filings is throttled at 5\/10/);
  });
});

describe('the API reached through CloudFront', () => {
  const API_CERTIFICATE = 'arn:aws:acm:ap-southeast-1:123456789012:certificate/1f2e3d4c-0b0a-0908-0706-050403020100';

  it("keeps the execute-api endpoint while it is CloudFront's only way to the API", () => {
    const [api] = Object.values(service.findResources('AWS::ApiGatewayV2::Api'));
    expect(api?.Properties.DisableExecuteApiEndpoint).not.toBe(true);
    service.hasOutput('ApiEndpoint', Match.anyValue());
  });

  it('disables execute-api and sends CloudFront to the API domain given with -c apiDomainName', () => {
    const withDomain = synthesize(fixtureApp, {
      apiDomainName: 'api-origin.county.gov.cn',
      apiCertificateArn: API_CERTIFICATE,
    }).service;
    withDomain.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    withDomain.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api-origin.county.gov.cn',
      DomainNameConfigurations: [Match.objectLike({ CertificateArn: API_CERTIFICATE, EndpointType: 'REGIONAL' })],
    });
    withDomain.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    withDomain.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: 'api-origin.county.gov.cn',
            CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'https-only' }),
          }),
        ]),
      }),
    });
    withDomain.hasOutput('ApiDomainTarget', { Value: { 'Fn::GetAtt': [Match.anyValue(), 'RegionalDomainName'] } });
    expect(Object.keys(withDomain.findOutputs('ApiEndpoint'))).toEqual([]);
  });

  it('stays clean under cdk-nag with an API domain', () => {
    const { app } = withPolicyChecks(
      fixtureApp,
      {},
      {
        apiDomainName: 'api-origin.county.gov.cn',
        apiCertificateArn: API_CERTIFICATE,
      },
    );
    expect(() => app.synth()).not.toThrow();
  });

  it('refuses half of an API domain', () => {
    expect(() => synthesize(fixtureApp, { apiDomainName: 'api-origin.county.gov.cn' })).toThrow(
      /apiDomainName and apiCertificateArn go together/,
    );
  });
});
