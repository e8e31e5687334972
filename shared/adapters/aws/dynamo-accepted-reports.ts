/**
 * First accepted versions by key from the filings table: `AGENCY#<id>` / `V#<year>#000001` (the layout of
 * `dynamo-version-store.ts`), a hundred keys per BatchGetItem, a few batches in flight, unprocessed keys retried.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { chunked, mapConcurrently } from '#shared/deadlines/bounded-concurrency.ts';
import { type ReportVersion, ReportVersionSchema } from '#shared/filing/records.ts';
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
    await mapConcurrently(chunked(keys, 100), BATCH_CONCURRENCY, async (chunk) => {
      for (const item of await batchGetAll(this.client, this.tableName, chunk)) {
        const version = ReportVersionSchema.parse(item);
        found.set(version.agencyId, version);
      }
    });
    return found;
  }
}
