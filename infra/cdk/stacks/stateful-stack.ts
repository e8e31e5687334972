import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { OriginAccessIdentity } from 'aws-cdk-lib/aws-cloudfront';
import { CanonicalUserPrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { type AppDeclaration, bucketEnvName, tableEnvName } from '../../declaration.ts';
import type { DeployConfig, MailTransport } from '../config.ts';
import { constructId } from '../construct-id.ts';
import { DataTables } from '../constructs/data-tables.ts';
import { EventBackbone } from '../constructs/event-backbone.ts';
import type { BindableResources, SmtpRelay } from '../constructs/function-bindings.ts';
import { MailSender } from '../constructs/mail-sender.ts';
import { ReportBuckets } from '../constructs/report-buckets.ts';

export interface StatefulStackProps extends StackProps {
  readonly declaration: AppDeclaration<string, string, string>;
  readonly config: DeployConfig;
}

/**
 * What must survive any redeploy: the declared tables and buckets, the event bus and its archive, the SES
 * identity. Termination protection is on; tables and buckets are retained even if the stack is deleted. The
 * service stack can be destroyed and rebuilt from the declaration at any time.
 */
export class StatefulStack extends Stack {
  readonly resources: BindableResources;
  readonly reportBuckets: ReportBuckets;
  /** How CloudFront reads the site where origin access control is not offered (aws-cn); granted here. */
  readonly siteOriginAccessIdentity?: OriginAccessIdentity;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { ...props, terminationProtection: true });
    const { declaration, config } = props;
    const tables = new DataTables(this, 'Tables', {
      tables: declaration.tables,
      deletionProtection: config.deletionProtection,
      removalPolicy: config.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.reportBuckets = new ReportBuckets(this, 'Buckets', {
      buckets: declaration.buckets,
      objectLock: { mode: config.objectLockMode, years: config.objectLockYears },
      // The distribution lives in the service stack; naming its domain here would make the stacks depend on
      // each other both ways, so without a custom domain any CloudFront origin may PUT (the URL's signature,
      // not CORS, is what authorizes an upload).
      uploadOrigins:
        config.domain !== undefined
          ? [`https://${config.domain.name}`]
          : [config.partition === 'aws-cn' ? 'https://*.cloudfront.cn' : 'https://*.cloudfront.net'],
    });
    const events = new EventBackbone(this, 'Events', {
      description: `${declaration.name} ${config.stage}`,
      archiveDays: config.eventArchiveDays,
    });
    const mail =
      config.mail.kind === 'smtp'
        ? smtpRelay(config.senderEmail, config.mail)
        : new MailSender(this, 'Mail', {
            senderEmail: config.senderEmail,
            ...(config.senderDomain === undefined ? {} : { senderDomain: config.senderDomain }),
          }).mailIdentity(config.senderEmail);
    if (config.partition === 'aws-cn') this.siteOriginAccessIdentity = this.grantSiteToIdentity(declaration);
    this.addNameOutputs(declaration, tables, this.reportBuckets);
    this.resources = {
      tables: tables.tables,
      buckets: this.reportBuckets.buckets,
      bus: events.bus,
      mail,
    };
  }

  /**
   * CloudFront in the China regions has no origin access control (CDK's OAC RFC says so); an origin access
   * identity, granted reading of the site bucket's objects, stands in for it there.
   */
  private grantSiteToIdentity(declaration: StatefulStackProps['declaration']): OriginAccessIdentity {
    const identity = new OriginAccessIdentity(this, 'SiteReader', { comment: 'CloudFront reads the public site' });
    for (const [name, bucket] of Object.entries(this.reportBuckets.buckets)) {
      if (declaration.buckets[name]?.publicSite !== true) continue;
      bucket.bucket.addToResourcePolicy(
        new PolicyStatement({
          principals: [new CanonicalUserPrincipal(identity.cloudFrontOriginAccessIdentityS3CanonicalUserId)],
          actions: ['s3:GetObject'],
          resources: [bucket.bucket.arnForObjects('*')],
        }),
      );
    }
    return identity;
  }

  /** Generated names, for operators and one-off scripts: each output's description is the variable to set. */
  private addNameOutputs(declaration: StatefulStackProps['declaration'], tables: DataTables, buckets: ReportBuckets) {
    for (const name of Object.keys(declaration.tables)) {
      const table = tables.tables[name];
      if (table === undefined) continue;
      new CfnOutput(this, `${constructId(name)}TableName`, {
        value: table.table.tableName,
        description: tableEnvName(name),
      });
    }
    for (const name of Object.keys(declaration.buckets)) {
      const bucket = buckets.buckets[name];
      if (bucket === undefined) continue;
      new CfnOutput(this, `${constructId(name)}BucketName`, {
        value: bucket.bucket.bucketName,
        description: bucketEnvName(name),
      });
    }
  }
}

/**
 * Notices through an SMTP relay: no SES resource at all. The login secret is created by the operator (it holds a
 * password this app never sees), so it is only named: the functions that send are granted to read it.
 */
function smtpRelay(senderAddress: string, transport: Extract<MailTransport, { kind: 'smtp' }>): SmtpRelay {
  return {
    kind: 'smtp',
    senderAddress,
    host: transport.host,
    port: transport.port,
    loginSecretName: transport.secretName,
  };
}
