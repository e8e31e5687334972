import { Stack, type StackProps } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { WebFirewall, type WebFirewallProps } from '../constructs/web-firewall.ts';

/** CloudFront reads web ACLs (and certificates) from this region only. */
export const EDGE_REGION = 'us-east-1';

export interface EdgeStackProps extends StackProps {
  readonly firewall: WebFirewallProps;
  /** SSM parameter (in us-east-1) the web ACL's ARN is published under, for the service stack to read. */
  readonly webAclParameterName: string;
}

/**
 * What CloudFront needs from us-east-1 whatever region the rest is deployed to: the web ACL. Its ARN is
 * published as an SSM parameter there, which the service stack reads across regions at deploy time (CDK's own
 * cross-region references would need both stacks to name their region at synth, and synth here stays
 * environment-agnostic and offline).
 */
export class EdgeStack extends Stack {
  readonly firewall: WebFirewall;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: EDGE_REGION } });
    this.firewall = new WebFirewall(this, 'Firewall', props.firewall);
    new StringParameter(this, 'WebAclArn', {
      parameterName: props.webAclParameterName,
      description: 'ARN of the web ACL the service stack attaches to CloudFront',
      stringValue: this.firewall.webAcl.attrArn,
    });
  }
}
