/**
 * The archive's Parquet partitions as an AWS Glue table, so Athena queries every report of every year with
 * SQL: Hive-style `year=/province=/county=` partitions under `data/parts/parquet/` of the site bucket.
 * Partitions appear as shards are first published; `MSCK REPAIR TABLE` loads them (see docs/athena.md).
 */
import { Stack } from 'aws-cdk-lib';
import { CfnDatabase, CfnTable } from 'aws-cdk-lib/aws-glue';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { wideColumns } from '../../../shared/archive/dataset-formats.ts';
import { partsPrefix } from '../../../shared/archive/shard-parts.ts';

const GLUE_DATABASE = 'gongkai';
const GLUE_TABLE = 'reports';

const GLUE_TYPES = { string: 'string', integer: 'int', number: 'double' } as const;

export class AthenaReportsTable extends Construct {
  constructor(scope: Construct, id: string, props: { readonly siteBucket: IBucket }) {
    super(scope, id);
    const account = Stack.of(this).account;
    const database = new CfnDatabase(this, 'Database', {
      catalogId: account,
      databaseInput: { name: GLUE_DATABASE, description: 'The public archive of annual disclosure reports' },
    });
    const table = new CfnTable(this, 'Reports', {
      catalogId: account,
      databaseName: GLUE_DATABASE,
      tableInput: {
        name: GLUE_TABLE,
        description: 'One row per published report (current version), partitioned by year, province and county',
        tableType: 'EXTERNAL_TABLE',
        parameters: { classification: 'parquet', EXTERNAL: 'TRUE' },
        partitionKeys: [
          { name: 'year', type: 'int' },
          { name: 'province', type: 'string' },
          { name: 'county', type: 'string' },
        ],
        storageDescriptor: {
          location: `s3://${props.siteBucket.bucketName}${partsPrefix('parquet')}`,
          inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
          serdeInfo: { serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
          columns: wideColumns().map((c) => ({ name: c.name, type: GLUE_TYPES[c.type], comment: c.label })),
        },
      },
    });
    table.addDependency(database);
  }
}
