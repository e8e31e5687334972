import { Capture, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DIRECTORY_INDEX_SOURCE } from '../../infra/cdk/constructs/directory-index.ts';
import { UPLOAD_PAGE } from '../../infra/cdk/constructs/upload-page.ts';
import { UPLOAD_PAGE_DIR } from '../../infra/local/runner.ts';
import { headerLines, ORIGINAL_SECURITY_HEADERS, ORIGINALS_PATH_PATTERN } from '../../infra/security-headers.ts';
import { fixtureApp } from './fixtures/app.ts';
import { FIXTURE_UPLOAD_PAGE, synthesize } from './synthesized.ts';

const { service } = synthesize(fixtureApp, {}, { uploadPageFolder: FIXTURE_UPLOAD_PAGE });
const resources = service.toJSON().Resources;
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

interface ViewerRequest {
  uri: string;
}
// CloudFront Functions evaluate the source as a script that defines `handler`; so does this.
const directoryIndex = new Function(`${DIRECTORY_INDEX_SOURCE}; return handler;`)() as (event: {
  request: ViewerRequest;
}) => ViewerRequest | { statusCode: number; headers: { location: { value: string } } };

describe('CloudFront', () => {
  const distribution = new Capture();
  service.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: distribution });
  const config = () => distribution.asObject();

  it('serves the site bucket through origin access control, index.html for directories', () => {
    expect(config()).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: {
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: ['GET', 'HEAD'],
        FunctionAssociations: [{ EventType: 'viewer-request' }],
      },
      Logging: { Prefix: 'cloudfront/' },
    });
    expect(config().Origins).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          OriginAccessControlId: expect.anything(),
          S3OriginConfig: { OriginAccessIdentity: '' },
        }),
      ]),
    );
    service.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
  });

  it('serves the upload page at /file/ from its own bucket, deployed with the stack and pruned of stale files', () => {
    const page = config().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/file/*');
    expect(page).toMatchObject({
      AllowedMethods: ['GET', 'HEAD'],
      ViewerProtocolPolicy: 'redirect-to-https',
      FunctionAssociations: [{ EventType: 'viewer-request' }],
      CachePolicyId: config().DefaultCacheBehavior.CachePolicyId,
    });
    const origin = config().Origins.find((o: { Id: string }) => o.Id === page.TargetOriginId);
    const buckets = service.findResources('AWS::S3::Bucket', {
      Properties: { PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true } },
    });
    expect(Object.keys(buckets)).toHaveLength(1);
    const bucket = Object.keys(buckets)[0] ?? 'no upload-page bucket';
    expect(origin).toMatchObject({
      DomainName: { 'Fn::GetAtt': [bucket, 'RegionalDomainName'] },
      OriginAccessControlId: expect.anything(),
    });
    service.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: bucket },
      DestinationBucketKeyPrefix: 'file/',
      Prune: true,
      RetainOnDelete: false,
    });
    service.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucket },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
  });

  it('falls back from the site bucket to the API on 403 and 404, whose catch-all route answers the 404 page', () => {
    const groups = config().OriginGroups;
    expect(groups.Quantity).toBe(1);
    const [group] = groups.Items;
    expect(group.FailoverCriteria.StatusCodes).toEqual({ Quantity: 2, Items: [403, 404] });
    const [primary, fallback] = group.Members.Items.map((m: { OriginId: string }) =>
      config().Origins.find((o: { Id: string }) => o.Id === m.OriginId),
    );
    expect(primary).toMatchObject({ OriginAccessControlId: expect.anything(), S3OriginConfig: expect.anything() });
    expect(fallback).toMatchObject({ CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } });
    const api = config().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/v1/*');
    expect(fallback.Id).toBe(api.TargetOriginId);
    // The default behaviour (every page) and the originals read the group; the API's behaviours do not.
    expect(config().DefaultCacheBehavior.TargetOriginId).toBe(group.Id);
    const originals = config().CacheBehaviors.find(
      (b: { PathPattern: string }) => b.PathPattern === ORIGINALS_PATH_PATTERN,
    );
    expect(originals.TargetOriginId).toBe(group.Id);
    // No custom error responses: they would rewrite the API's own 403 and 404 answers too.
    expect(config().CustomErrorResponses).toBeUndefined();
    service.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /{proxy+}',
      AuthorizationType: 'NONE',
      Target: Match.anyValue(),
    });
  });

  it('deploys the folder the local runner serves at /file/', () => {
    expect(UPLOAD_PAGE).toEqual({ folder: UPLOAD_PAGE_DIR, pathPrefix: '/file/' });
  });

  it('sends /v1/* and /health to the API, every method, Authorization and query strings forwarded, nothing cached', () => {
    const behaviors = config().CacheBehaviors.filter(
      (b: { PathPattern: string }) => !['/file/*', ORIGINALS_PATH_PATTERN].includes(b.PathPattern),
    );
    expect(behaviors.map((behavior: { PathPattern: string }) => behavior.PathPattern).sort()).toEqual([
      '/health',
      '/v1/*',
    ]);
    for (const behavior of behaviors) {
      expect(behavior).toMatchObject({
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        ViewerProtocolPolicy: 'https-only',
      });
      expect(resources[behavior.CachePolicyId.Ref].Properties.CachePolicyConfig).toMatchObject({
        MinTTL: 0,
        DefaultTTL: 0,
        MaxTTL: 1,
        ParametersInCacheKeyAndForwardedToOrigin: {
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          CookiesConfig: { CookieBehavior: 'whitelist', Cookies: ['__Host-gongkai-session'] },
        },
      });
    }
  });

  it('adds CSP, HSTS, nosniff, no framing and a referrer policy to every response', () => {
    const csp = new Capture();
    service.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        Comment: Match.stringLikeRegexp('^CSP'),
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: csp, Override: true },
          StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
        },
      }),
    });
    const policy = JSON.stringify(csp.asObject());
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain('RegionalDomainName');
    const policies = new Set(
      [config().DefaultCacheBehavior, ...config().CacheBehaviors]
        .filter((b: { PathPattern?: string }) => b.PathPattern !== ORIGINALS_PATH_PATTERN)
        .map((b: { ResponseHeadersPolicyId: { Ref: string } }) => b.ResponseHeadersPolicyId.Ref),
    );
    expect(policies.size).toBe(1);
  });

  it('serves filed originals from the site bucket as sandboxed downloads, with the headers the local gateway sends', () => {
    const originals = config().CacheBehaviors.find(
      (b: { PathPattern: string }) => b.PathPattern === ORIGINALS_PATH_PATTERN,
    );
    expect(originals).toMatchObject({
      TargetOriginId: config().DefaultCacheBehavior.TargetOriginId,
      AllowedMethods: ['GET', 'HEAD'],
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    const policies = service.findResources('AWS::CloudFront::ResponseHeadersPolicy');
    const policy = policies[originals.ResponseHeadersPolicyId.Ref]?.Properties.ResponseHeadersPolicyConfig;
    const lines = headerLines(ORIGINAL_SECURITY_HEADERS);
    expect(policy).toMatchObject({
      SecurityHeadersConfig: {
        ContentSecurityPolicy: { ContentSecurityPolicy: lines['content-security-policy'], Override: true },
        ContentTypeOptions: { Override: true },
      },
      CustomHeadersConfig: { Items: [{ Header: 'Content-Disposition', Value: 'attachment', Override: true }] },
    });
    expect(lines['content-security-policy']).toMatch(/^sandbox;/);
    expect(lines['content-disposition']).toBe('attachment');
  });

  it('serves index.html for directory paths, redirects them without the slash and leaves files alone', () => {
    expect(directoryIndex({ request: { uri: '/reports/x/2022/' } })).toEqual({ uri: '/reports/x/2022/index.html' });
    expect(directoryIndex({ request: { uri: '/' } })).toEqual({ uri: '/index.html' });
    // Redirected rather than rewritten, so the page's relative links resolve as they do locally.
    expect(directoryIndex({ request: { uri: '/reports/x/2022' } })).toMatchObject({
      statusCode: 301,
      headers: { location: { value: '/reports/x/2022/' } },
    });
    expect(directoryIndex({ request: { uri: '/reports/x/2022/report.csv' } })).toEqual({
      uri: '/reports/x/2022/report.csv',
    });
    service.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: DIRECTORY_INDEX_SOURCE,
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
  });
});
