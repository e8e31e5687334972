import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { type AppDeclaration, bucketEnvName, tableEnvName } from '../../declaration.ts';
import type { DeployConfig } from '../config.ts';
import { constructId } from '../construct-id.ts';
import { DataTables } from '../constructs/data-tables.ts';
import { EventBackbone } from '../constructs/event-backbone.ts';
import type { BindableResources } from '../constructs/function-bindings.ts';
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
      uploadOrigins: config.domain === undefined ? ['https://*.cloudfront.net'] : [`https://${config.domain.name}`],
    });
    const events = new EventBackbone(this, 'Events', {
      description: `${declaration.name} ${config.stage}`,
      archiveDays: config.eventArchiveDays,
    });
    const mail = new MailSender(this, 'Mail', {
      senderEmail: config.senderEmail,
      ...(config.senderDomain === undefined ? {} : { senderDomain: config.senderDomain }),
    });
    this.addNameOutputs(declaration, tables, this.reportBuckets);
    this.resources = {
      tables: tables.tables,
      buckets: this.reportBuckets.buckets,
      bus: events.bus,
      mail: mail.mailIdentity(config.senderEmail),
    };
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
