/**
 * The archive index's counted-once change on dynalite with the declared table: one conditional UpdateItem that
 * sets, adds and marks together, and writes nothing when its mark is already set; and the in-memory table the
 * unit tests use refuses what DynamoDB refuses.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { MemoryArchiveTable } from '#shared/adapters/memory/memory-archive-table.ts';
import type { ArchiveTable } from '#shared/archive/archive-index.ts';
import { startTemporaryDynamo, type TemporaryDynamo } from '../../helpers/temporary-dynamo.ts';

let local: TemporaryDynamo;
let dynamo: DynamoDBDocumentClient;

beforeAll(async () => {
  local = await startTemporaryDynamo('archive-table');
  dynamo = local.dynamo;
});
afterAll(() => local?.stop());

describe('the archive table on dynalite', () => {
  it('sets, adds and marks in one write, and writes nothing again once marked', async () => {
    const table = new DynamoArchiveTable(dynamo, local.table('archive'));
    await table.put({ pk: 'JOB#j', sk: 'JOB', value: { status: 'planning', shards: 0, shardsDone: 0, reports: 0 } });
    const planned = ['440205', '440203'];
    expect(await table.update('JOB#j', 'JOB', { set: { status: 'running', shards: 2, planned } })).toBe(true);
    const step = { once: 'SHARD#440205', add: { reports: 3, shardsDone: 1 } };
    expect(await table.update('JOB#j', 'JOB', step)).toBe(true);
    expect(await table.update('JOB#j', 'JOB', step)).toBe(false);
    expect(await table.update('JOB#j', 'JOB', { ...step, once: 'SHARD#440203' })).toBe(true);
    expect(await table.get('JOB#j', 'JOB')).toEqual({
      status: 'running',
      shards: 2,
      planned,
      shardsDone: 2,
      reports: 6,
      'SHARD#440205': true,
      'SHARD#440203': true,
    });
  });
});

describe.each([
  ['dynalite', () => new DynamoArchiveTable(dynamo, local.table('archive'))],
  ['memory', () => new MemoryArchiveTable()],
] as const)('the archive table (%s)', (_, tableOf: () => ArchiveTable) => {
  it('refuses a change that names one field twice, and writes nothing', async () => {
    const table = tableOf();
    await table.put({ pk: 'JOB#twice', sk: 'JOB', value: { status: 'running', reports: 1 } });
    await expect(table.update('JOB#twice', 'JOB', { set: { reports: 5 }, add: { reports: 1 } })).rejects.toThrow(
      /overlap/,
    );
    await expect(table.update('JOB#twice', 'JOB', { set: { done: 1 }, once: 'done' })).rejects.toThrow(/overlap/);
    expect(await table.get('JOB#twice', 'JOB')).toEqual({ status: 'running', reports: 1 });
  });

  it('refuses to add to a field that holds no number, and counts a missing one from 0', async () => {
    const table = tableOf();
    await table.put({ pk: 'JOB#kind', sk: 'JOB', value: { status: 'running' } });
    await expect(table.update('JOB#kind', 'JOB', { add: { status: 1 } })).rejects.toThrow(/incorrect data type/);
    await expect(table.increment('JOB#kind', 'JOB', 'status', 1)).rejects.toThrow(/incorrect data type/);
    expect(await table.increment('JOB#kind', 'JOB', 'reports', 2)).toBe(2);
    expect(await table.get('JOB#kind', 'JOB')).toEqual({ status: 'running', reports: 2 });
  });
});
