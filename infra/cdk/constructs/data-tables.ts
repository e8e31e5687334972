import type { RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  Billing,
  type GlobalSecondaryIndexPropsV2,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { KeyDecl, TableDecl } from '../../declaration.ts';
import { constructId } from '../construct-id.ts';
import { tagDeclared } from '../declared-as.ts';
import type { DeclaredTable } from './function-bindings.ts';

export interface DataTablesProps {
  readonly tables: Readonly<Record<string, TableDecl>>;
  readonly deletionProtection: boolean;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Every declared table with fixed defaults: on-demand billing (a county's filing season is a few busy weeks a
 * year), point-in-time recovery, deletion protection, and encryption with the AWS-managed KMS key — every use
 * of the key is in CloudTrail, at no key charge and with no key policy to get wrong, which a customer-managed
 * key would only improve on if the key had to be shared or revoked separately; nothing here needs that.
 */
export class DataTables extends Construct {
  readonly tables: Readonly<Record<string, DeclaredTable>>;

  constructor(scope: Construct, id: string, props: DataTablesProps) {
    super(scope, id);
    const tables: Record<string, DeclaredTable> = {};
    for (const [name, table] of Object.entries(props.tables)) {
      const created = new TableV2(this, constructId(name), {
        partitionKey: attribute(table.partitionKey),
        ...(table.sortKey === undefined ? {} : { sortKey: attribute(table.sortKey) }),
        globalSecondaryIndexes: (table.globalSecondaryIndexes ?? []).map(
          (index): GlobalSecondaryIndexPropsV2 => ({
            indexName: index.indexName,
            partitionKey: attribute(index.partitionKey),
            ...(index.sortKey === undefined ? {} : { sortKey: attribute(index.sortKey) }),
          }),
        ),
        ...(table.timeToLiveAttribute === undefined ? {} : { timeToLiveAttribute: table.timeToLiveAttribute }),
        billing: Billing.onDemand(),
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: props.deletionProtection,
        encryption: TableEncryptionV2.awsManagedKey(),
        removalPolicy: props.removalPolicy,
      });
      tagDeclared(created, 'table', name);
      const indexNames = (table.globalSecondaryIndexes ?? []).map((index) => index.indexName);
      tables[name] = { table: created, indexNames };
    }
    this.tables = tables;
  }
}

function attribute(key: KeyDecl): Attribute {
  return { name: key.name, type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER };
}
