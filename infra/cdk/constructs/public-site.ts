import { Duration, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  type CfnDistribution,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  type IOriginAccessIdentity,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, OriginGroup, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { SESSION_COOKIE } from '../../../shared/auth/sessions.ts';
import {
  ORIGINAL_SECURITY_HEADERS,
  ORIGINALS_PATH_PATTERN,
  pageSecurityHeaders,
  type SecurityHeaders,
} from '../../security-headers.ts';
import { DIRECTORY_INDEX_SOURCE } from './directory-index.ts';

export interface PublicSiteProps {
  /** The site bucket, imported: its policy (in the stateful stack) already lets this account's CloudFront read. */
  readonly siteBucket: IBucket;
  readonly apiDomainName: string;
  /** Paths CloudFront sends to the API, unchanged (the routes are declared with their `/v1` prefix). */
  readonly apiPathPatterns: readonly string[];
  /** Hosts the upload page PUTs files to with a presigned URL (the upload buckets' regional endpoints). */
  readonly uploadHosts: readonly string[];
  readonly logBucket: IBucket;
  /** Static pages served from their own bucket under a path of their own (the upload page at `/file/*`). */
  readonly staticPages?: { readonly bucket: IBucket; readonly pathPattern: string };
  readonly domain?: { readonly name: string; readonly certificateArn?: string; readonly iamCertificateId?: string };
  /** A WAFv2 web ACL of scope CLOUDFRONT (it lives in us-east-1), by ARN. */
  readonly webAclArn?: string;
  /**
   * How CloudFront reads the buckets: origin access control, or, where OAC is not offered (the China
   * regions), this origin access identity, which the bucket policies grant.
   */
  readonly originAccessIdentity?: IOriginAccessIdentity;
  /** Where CloudFront Functions are not offered (aws-cn): no directory-index rewrite. */
  readonly withoutEdgeFunctions?: boolean;
  /** A header CloudFront adds to every API request, that API Gateway requires: only CloudFront has it. */
  readonly apiOriginHeader?: { readonly name: string; readonly value: string };
  /**
   * The API answers GETs for paths the site bucket has no object for (a catch-all route): the site's behaviours
   * then read an origin group that falls back to it on the bucket's 403 or 404, so an unknown URL gets the site's
   * 404 page. Custom error responses would do it for the whole distribution, the API's own 403s and 404s too.
   */
  readonly apiAnswersMissingPages?: boolean;
}

/**
 * One origin for the public site and the API, so the upload page calls `/v1/…` on its own origin (no CORS):
 * the site bucket through origin access control, the API through `/v1/*` with caching effectively off.
 */
export class PublicSite extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: PublicSiteProps) {
    super(scope, id);
    const uploadOrigins = props.uploadHosts.map((host) => `https://${host}`);
    const securityHeaders = responseHeadersPolicy(this, 'SecurityHeaders', pageSecurityHeaders(uploadOrigins), {
      comment: 'CSP, HSTS, nosniff, no framing, referrer policy',
    });
    const originalHeaders = responseHeadersPolicy(this, 'OriginalHeaders', ORIGINAL_SECURITY_HEADERS, {
      comment: 'Filed originals: download only, sandboxed, nosniff',
    });
    const apiRequests = new CachePolicy(this, 'ApiRequests', {
      comment: 'API: nothing cached; Authorization, the session cookie and query strings reach the origin',
      // Authorization can only reach an origin as part of a cache key, and CloudFront rejects cache-key settings
      // when every TTL is 0; so a one-second ceiling, a zero default (API responses carry no Cache-Control) and
      // the token (and the session cookie) in the key, so that even that second could never serve one caller's
      // answer to another.
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.allowList(SESSION_COOKIE),
    });
    const sitePages = new CachePolicy(this, 'SitePages', {
      comment: 'Public pages: a rebuilt page is live within five minutes unless it says otherwise',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.minutes(5),
      maxTtl: Duration.days(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    // CloudFormation has no AWS::CloudFront::Function in the China regions: there, `…/` needs its own object.
    const directoryIndex = props.withoutEdgeFunctions
      ? undefined
      : new EdgeFunction(this, 'DirectoryIndex', {
          comment: 'Serves …/ as …/index.html and redirects …/name to …/name/',
          runtime: FunctionRuntime.JS_2_0,
          code: FunctionCode.fromInline(DIRECTORY_INDEX_SOURCE),
        });
    const apiOrigin = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      ...(props.apiOriginHeader === undefined
        ? {}
        : { customHeaders: { [props.apiOriginHeader.name]: props.apiOriginHeader.value } }),
    });
    const api: BehaviorOptions = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: apiRequests,
      // Everything else the viewer sent except Host: API Gateway routes on its own host name.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: securityHeaders,
    };
    const pages = (origin: BehaviorOptions['origin']): BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: sitePages,
      responseHeadersPolicy: securityHeaders,
      ...(directoryIndex === undefined
        ? {}
        : { functionAssociations: [{ function: directoryIndex, eventType: FunctionEventType.VIEWER_REQUEST }] }),
    });
    const behaviors: Record<string, BehaviorOptions> = Object.fromEntries(
      props.apiPathPatterns.map((pattern) => [pattern, api]),
    );
    const siteBucketOrigin = bucketOrigin(props.siteBucket, props);
    // Without an origin request policy CloudFront sends the API origin's own host name, as API Gateway needs.
    const siteOrigin = props.apiAnswersMissingPages
      ? new OriginGroup({ primaryOrigin: siteBucketOrigin, fallbackOrigin: apiOrigin, fallbackStatusCodes: [403, 404] })
      : siteBucketOrigin;
    behaviors[ORIGINALS_PATH_PATTERN] = { ...pages(siteOrigin), responseHeadersPolicy: originalHeaders };
    if (props.staticPages !== undefined) {
      behaviors[props.staticPages.pathPattern] = pages(bucketOrigin(props.staticPages.bucket, props));
    }
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Gongkai public archive and filing API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America, Europe and Asia (Hong Kong, Japan, Singapore…): the edges nearest mainland readers.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(props.domain?.certificateArn === undefined
        ? {}
        : {
            domainNames: [props.domain.name],
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
          }),
      ...(props.webAclArn === undefined ? {} : { webAclId: props.webAclArn }),
      defaultBehavior: pages(siteOrigin),
      additionalBehaviors: behaviors,
    });
    if (props.domain?.iamCertificateId !== undefined) {
      useIamCertificate(this.distribution, props.domain.name, props.domain.iamCertificateId);
    }
    this.acknowledgeFindings(props);
  }

  private acknowledgeFindings(props: PublicSiteProps): void {
    const customDomain = props.domain !== undefined;
    const findings = Validations.of(this.distribution);
    findings.acknowledge(
      {
        id: '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
        reason: "The site bucket's policy is written by the stateful stack (ReportBuckets) for this account's CDN.",
      },
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Disclosure reports are public under the Regulations on Open Government Information: no geo block.',
      },
    );
    if (props.webAclArn === undefined) {
      findings.acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'No web ACL in this deployment (-c webAcl=false, or aws-cn, where AWS WAF is regional only): the API is throttled per stage and per expensive route, and authorized per route.',
      });
    }
    if (props.originAccessIdentity !== undefined) {
      findings.acknowledge({
        id: '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOai',
        reason: "The site bucket's policy (stateful stack) grants this origin access identity.",
      });
    }
    if (!customDomain) {
      findings.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without -c domainName/-c certificateArn the default *.cloudfront.net certificate fixes TLS at TLSv1; with them, TLSv1.2_2021 is enforced.',
      });
    } else if (props.domain?.iamCertificateId !== undefined) {
      findings.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'The IAM certificate is set by a property override (useIamCertificate), with TLSv1.2_2021: cdk-nag reads the template before it.',
      });
    }
    if (props.originAccessIdentity !== undefined) {
      findings.acknowledge({
        id: 'AwsSolutions-CFR7',
        reason:
          'CloudFront in the China regions offers no origin access control; an origin access identity stands in for it.',
      });
    }
  }
}

function bucketOrigin(bucket: IBucket, props: PublicSiteProps) {
  return props.originAccessIdentity === undefined
    ? S3BucketOrigin.withOriginAccessControl(bucket)
    : S3BucketOrigin.withOriginAccessIdentity(bucket, { originAccessIdentity: props.originAccessIdentity });
}

/** CloudFront China serves a custom domain with a certificate from the IAM store; the L2 only knows ACM. */
function useIamCertificate(distribution: Distribution, domainName: string, certificateId: string): void {
  const cfn = distribution.node.defaultChild as CfnDistribution;
  cfn.addPropertyOverride('DistributionConfig.Aliases', [domainName]);
  cfn.addPropertyOverride('DistributionConfig.ViewerCertificate', {
    IamCertificateId: certificateId,
    SslSupportMethod: 'sni-only',
    MinimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
  });
}

/** A CloudFront response headers policy that sends exactly what the declaration says (overriding the origin). */
function responseHeadersPolicy(
  scope: Construct,
  id: string,
  headers: SecurityHeaders,
  options: { comment: string },
): ResponseHeadersPolicy {
  const hsts = headers.strictTransportSecurity;
  return new ResponseHeadersPolicy(scope, id, {
    comment: options.comment,
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: headers.contentSecurityPolicy, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(hsts.maxAgeSeconds),
        includeSubdomains: hsts.includeSubdomains,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption[headers.frameOptions], override: true },
      referrerPolicy: { referrerPolicy: REFERRER_POLICIES[headers.referrerPolicy], override: true },
    },
    ...(Object.keys(headers.custom).length === 0
      ? {}
      : {
          customHeadersBehavior: {
            customHeaders: Object.entries(headers.custom).map(([header, value]) => ({ header, value, override: true })),
          },
        }),
  });
}

const REFERRER_POLICIES: Readonly<Record<SecurityHeaders['referrerPolicy'], HeadersReferrerPolicy>> = {
  'strict-origin-when-cross-origin': HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
};
