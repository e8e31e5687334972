/**
 * An agency's report versions, listed from the filings table (`AGENCY#<id>` / `V#<year>#<nnnnnn>`, see
 * `DynamoVersionStore`, which also writes and reviews them): all a function that only lists them carries.
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ReportVersion, ReportVersionSchema } from '#shared/filing/records.ts';
import type { Page, PageRequest, ReportVersionStore } from '#shared/ports.ts';
import { decodeCursor, encodeCursor } from './dynamo-cursor.ts';

export class DynamoVersionList implements Pick<ReportVersionStore, 'listByAgency'> {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

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
    return { items: Items.map(parseVersion), ...(cursor ? { cursor } : {}) };
  }
}

/** Strips the keys (the schema keeps only a version's own fields). */
export function parseVersion(item: Record<string, unknown>): ReportVersion {
  return ReportVersionSchema.parse(item);
}

export function partition(agencyId: string): string {
  return `AGENCY#${agencyId}`;
}
