/**
 * First filed versions by key from the filings table: `AGENCY#<id>` / `V#<year>#000001` (the layout of
 * `dynamo-version-store.ts`), a hundred keys per BatchGetItem, a few batches in flight, unprocessed keys retried.
 * Where the office returned version 1, the agency-year's versions are read in order for the first one it kept.
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { chunked, mapConcurrently } from '#shared/deadlines/bounded-concurrency.ts';
import { countsAsFiled, type ReportVersion, ReportVersionSchema } from '#shared/filing/records.ts';
import type { AcceptedReports } from '#shared/ports.ts';
import { batchGetAll } from './dynamo-batch-get.ts';

const BATCH_CONCURRENCY = 4;

export class DynamoAcceptedReports implements AcceptedReports {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async firstVersions(agencyIds: readonly string[], year: number): Promise<ReadonlyMap<string, ReportVersion>> {
    const keys = [...new Set(agencyIds)].map((id) => ({ pk: `AGENCY#${id}`, sk: `V#${year}#000001` }));
    const found = new Map<string, ReportVersion>();
    const returned: string[] = [];
    await mapConcurrently(chunked(keys, 100), BATCH_CONCURRENCY, async (chunk) => {
      for (const item of await batchGetAll(this.client, this.tableName, chunk)) {
        const version = ReportVersionSchema.parse(item);
        if (countsAsFiled(version)) found.set(version.agencyId, version);
        else returned.push(version.agencyId);
      }
    });
    await mapConcurrently(returned, BATCH_CONCURRENCY, async (agencyId) => {
      const kept = await this.#firstKept(agencyId, year);
      if (kept) found.set(agencyId, kept);
    });
    return found;
  }

  async #firstKept(agencyId: string, year: number): Promise<ReportVersion | null> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const { Items = [], LastEvaluatedKey } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':prefix': `V#${year}#` },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of Items) {
        const version = ReportVersionSchema.parse(item);
        if (countsAsFiled(version)) return version;
      }
      startKey = LastEvaluatedKey;
    } while (startKey);
    return null;
  }
}
