/**
 * Report versions in the filings table, one partition per agency: `AGENCY#<id>` / `V#<year>#<nnnnnn>`
 * (immutable, written only if absent) and `AGENCY#<id>` / `CURRENT#<year>` (moves forward only).
 */
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ReportVersion, ReportVersionSchema } from '#shared/filing/records.ts';
import type { Page, PageRequest, ReportVersionStore } from '#shared/ports.ts';
import { unlessConditionFails } from './dynamo-conditions.ts';
import { decodeCursor, encodeCursor } from './dynamo-cursor.ts';

export class DynamoVersionStore implements ReportVersionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async latest(agencyId: string, year: number): Promise<ReportVersion | null> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': partition(agencyId), ':prefix': `V#${year}#` },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return Items[0] ? ReportVersionSchema.parse(Items[0]) : null;
  }

  async findBySubmission(agencyId: string, year: number, submissionId: string): Promise<ReportVersion | null> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const { Items = [], LastEvaluatedKey } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          FilterExpression: 'submissionId = :id',
          ExpressionAttributeValues: { ':pk': partition(agencyId), ':prefix': `V#${year}#`, ':id': submissionId },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      if (Items[0]) return ReportVersionSchema.parse(Items[0]);
      startKey = LastEvaluatedKey;
    } while (startKey);
    return null;
  }

  async putIfAbsent(version: ReportVersion): Promise<boolean> {
    return unlessConditionFails(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: partition(version.agencyId), sk: versionSort(version.year, version.version), ...version },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async advanceCurrent(version: ReportVersion): Promise<void> {
    await unlessConditionFails(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: partition(version.agencyId), sk: `CURRENT#${version.year}`, ...version },
          ConditionExpression: 'attribute_not_exists(pk) OR version < :v',
          ExpressionAttributeValues: { ':v': version.version },
        }),
      ),
    );
  }

  async listByAgency(agencyId: string, page: PageRequest): Promise<Page<ReportVersion>> {
    const startKey = decodeCursor(page.cursor, { fixed: { pk: partition(agencyId) }, prefixed: { sk: 'V#' } });
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': partition(agencyId), ':prefix': 'V#' },
        Limit: page.limit,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const cursor = encodeCursor(LastEvaluatedKey);
    return { items: Items.map((i) => ReportVersionSchema.parse(i)), ...(cursor ? { cursor } : {}) };
  }
}

function partition(agencyId: string): string {
  return `AGENCY#${agencyId}`;
}

/** Zero-padded so that the sort key orders versions numerically (and `latest` is one descending read). */
function versionSort(year: number, version: number): string {
  return `V#${year}#${String(version).padStart(6, '0')}`;
}
