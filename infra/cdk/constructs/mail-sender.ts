import { Stack } from 'aws-cdk-lib';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { MailIdentity } from './function-bindings.ts';

export interface MailSenderProps {
  readonly senderEmail: string;
  /** Verify the whole domain with Easy DKIM instead of the single address. */
  readonly senderDomain?: string;
}

/**
 * The SES identity notices are sent from, and a configuration set that every message uses (it is the identity's
 * default): bounces and complaints put an address on the account's suppression list, and reputation metrics
 * feed the alarms SES itself keeps. The identity must be verified (a link e-mailed to the address, or DKIM
 * records for a domain) and the account moved out of the SES sandbox before notices reach agencies.
 */
export class MailSender extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailSenderProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity:
        props.senderDomain === undefined ? Identity.email(props.senderEmail) : Identity.domain(props.senderDomain),
      configurationSet: this.configurationSet,
    });
  }

  /** What a function that sends mail is told and granted. */
  mailIdentity(senderAddress: string): MailIdentity {
    return {
      kind: 'ses',
      senderAddress,
      identityArn: this.identity.emailIdentityArn,
      configurationSetName: this.configurationSet.configurationSetName,
      configurationSetArn: Stack.of(this).formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: this.configurationSet.configurationSetName,
      }),
    };
  }
}
