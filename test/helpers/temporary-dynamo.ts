/**
 * The declared tables on dynalite, in a fresh temporary home, with a document client: for testing one adapter
 * against the wire protocol without the rest of the local system. `stop()` also deletes the home.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { app } from '#infra/app.ts';
import { startStandIns } from '#infra/local/stand-ins.ts';

export interface TemporaryDynamo {
  readonly dynamo: DynamoDBDocumentClient;
  /** The local physical name of a declared table. */
  table(name: string): string;
  stop(): Promise<void>;
}

export async function startTemporaryDynamo(name: string): Promise<TemporaryDynamo> {
  const home = await mkdtemp(join(tmpdir(), `gongkai-${name}-`));
  try {
    const standIns = await startStandIns({ app, home });
    const dynamo = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: standIns.endpoints.dynamodb,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    return {
      dynamo,
      table: (table) => standIns.tableNames[table] ?? table,
      async stop() {
        dynamo.destroy();
        await standIns.stop();
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(home, { recursive: true, force: true });
    throw error;
  }
}
