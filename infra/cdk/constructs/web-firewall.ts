import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface WebFirewallProps {
  /** Requests one IP may make in any five minutes, pages and API together, before it is blocked. */
  readonly rateLimit: number;
  /** The same for POST, PUT and DELETE under `/v1/` (filing, uploads, imports, admin jobs). */
  readonly apiWriteRateLimit: number;
  /** Prefix of the CloudWatch metric names, so two stages in one account keep theirs apart. */
  readonly metricPrefix: string;
}

/**
 * Rules of the managed groups that inspect the request body, counted instead of blocking: a filing's body is a
 * report file (Word, PDF, or HTML that may well hold `<script>` or a path), up to 6 MB, and the API parses it
 * as data, never runs it. `SizeRestrictions_BODY` alone would refuse every report above 8 KB.
 */
const BODY_RULES_COUNTED = {
  AWSManagedRulesCommonRuleSet: [
    'SizeRestrictions_BODY',
    'CrossSiteScripting_BODY',
    'GenericLFI_BODY',
    'GenericRFI_BODY',
    'EC2MetaDataSSRF_BODY',
  ],
  AWSManagedRulesKnownBadInputsRuleSet: ['JavaDeserializationRCE_BODY'],
} as const;

/**
 * The web ACL in front of CloudFront (scope CLOUDFRONT, so its stack lives in us-east-1): a rate limit per
 * client IP over everything, a tighter one over the API's writes, then AWS's common rule set and its
 * known-bad-inputs set. Every rule publishes CloudWatch metrics and sampled requests.
 */
export class WebFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: WebFirewallProps) {
    super(scope, id);
    const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${props.metricPrefix}-${name}`,
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Per-client rate limits and AWS managed rules in front of the public site and the API',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('all'),
      rules: [
        {
          name: 'RatePerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimit, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('rate-per-ip'),
        },
        {
          name: 'ApiWritesPerIp',
          priority: 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.apiWriteRateLimit,
              aggregateKeyType: 'IP',
              scopeDownStatement: { andStatement: { statements: [apiPath(), writeMethod()] } },
            },
          },
          visibilityConfig: visibility('api-writes-per-ip'),
        },
        managedGroup('AWSManagedRulesCommonRuleSet', 2, visibility('common')),
        managedGroup('AWSManagedRulesKnownBadInputsRuleSet', 3, visibility('known-bad-inputs')),
      ],
    });
  }
}

function managedGroup(
  name: keyof typeof BODY_RULES_COUNTED,
  priority: number,
  visibilityConfig: CfnWebACL.VisibilityConfigProperty,
): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ruleActionOverrides: BODY_RULES_COUNTED[name].map((rule) => ({ name: rule, actionToUse: { count: {} } })),
      },
    },
    visibilityConfig,
  };
}

function apiPath(): CfnWebACL.StatementProperty {
  return {
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'STARTS_WITH',
      searchString: '/v1/',
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  };
}

function writeMethod(): CfnWebACL.StatementProperty {
  return {
    regexMatchStatement: {
      fieldToMatch: { method: {} },
      regexString: '^(POST|PUT|DELETE)$',
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  };
}
