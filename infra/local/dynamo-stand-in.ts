/**
 * dynalite on disk (LevelDB) with the declared tables. Tables are created once and kept across
 * restarts; a GSI added to the declaration later is added to the existing table. dynalite has no
 * transactions, streams or TTL expiry, so the application design uses none of them.
 */
import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  ResourceNotFoundException,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { KeyDecl, TableDecl } from '../declaration.ts';
import { closeServer, listen } from './http-io.ts';
import { LOCAL_ACCESS_KEY, LOCAL_REGION } from './local-aws.ts';

export interface DynamoStandIn {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startDynamoStandIn(
  directory: string,
  tables: ReadonlyMap<string, TableDecl>,
  port = 0,
): Promise<DynamoStandIn> {
  // CREATING lasts 500 ms by default; nothing here needs to wait for it.
  const server = dynalite({ path: directory, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const endpoint = await listen(server, port);
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: LOCAL_ACCESS_KEY, secretAccessKey: LOCAL_ACCESS_KEY },
  });
  try {
    for (const [name, decl] of tables) await ensureTable(client, name, decl);
  } catch (error) {
    client.destroy();
    await closeServer(server);
    throw error;
  }
  client.destroy();
  return { endpoint, close: () => closeServer(server) };
}

/** Creates the table, or adds the GSIs the declaration has and the stored table lacks. */
export async function ensureTable(client: DynamoDBClient, name: string, decl: TableDecl): Promise<void> {
  const existing = await client
    .send(new DescribeTableCommand({ TableName: name }))
    .then((described) => described.Table)
    .catch((error: unknown) => {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw error;
    });
  if (!existing) {
    await client.send(new CreateTableCommand(createTableInput(name, decl)));
    return;
  }
  const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of indexesOf(decl).filter((i) => !present.has(i.IndexName))) {
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: attributeDefinitions(decl),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
}

export function createTableInput(name: string, decl: TableDecl) {
  const indexes = indexesOf(decl);
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST' as const,
    KeySchema: keySchema(decl.partitionKey, decl.sortKey),
    AttributeDefinitions: attributeDefinitions(decl),
    ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
  };
}

function indexesOf(decl: TableDecl): GlobalSecondaryIndex[] {
  return (decl.globalSecondaryIndexes ?? []).map((index) => ({
    IndexName: index.indexName,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    Projection: { ProjectionType: 'ALL' },
  }));
}

function keySchema(partitionKey: KeyDecl, sortKey: KeyDecl | undefined): KeySchemaElement[] {
  return [
    { AttributeName: partitionKey.name, KeyType: 'HASH' },
    ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' as const }] : []),
  ];
}

function attributeDefinitions(decl: TableDecl): AttributeDefinition[] {
  const keys = [
    decl.partitionKey,
    decl.sortKey,
    ...(decl.globalSecondaryIndexes ?? []).flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  const byName = new Map<string, KeyDecl>();
  for (const key of keys) if (key) byName.set(key.name, key);
  return [...byName.values()].map((key) => ({ AttributeName: key.name, AttributeType: key.type }));
}
