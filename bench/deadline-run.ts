/**
 * The daily deadline run over 10,000 agencies on dynalite (the local runner's stand-in with the declared
 * tables): half have filed, the rest get an overdue notice. Seeding is untimed; the run is timed dry (reads
 * only: the registry listing and the batched first-version and notice lookups) and for real (plus one event
 * per notice, to an in-memory bus). dynalite is far slower than DynamoDB, so the figures are a ceiling.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { app } from '../infra/app.ts';
import { startStandIns } from '../infra/local/stand-ins.ts';
import { DynamoAcceptedReports } from '../shared/adapters/aws/dynamo-accepted-reports.ts';
import { DynamoAgencyRegistry } from '../shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoNoticeStore } from '../shared/adapters/aws/dynamo-notice-store.ts';
import { ManualClock } from '../shared/adapters/memory/manual-clock.ts';
import { MemoryEventPublisher } from '../shared/adapters/memory/memory-event-publisher.ts';
import { chunked, mapConcurrently } from '../shared/deadlines/bounded-concurrency.ts';
import { DeadlineConfigSchema } from '../shared/deadlines/config.ts';
import { runDeadlines } from '../shared/deadlines/run-deadlines.ts';

export interface DeadlineBenchFigures {
  readonly agencies: number;
  readonly notices: number;
  readonly dryRunSeconds: number;
  readonly runSeconds: number;
}

export async function runDeadlineBench(agencies = 10_000): Promise<DeadlineBenchFigures> {
  const home = await mkdtemp(join(tmpdir(), 'gongkai-deadline-bench-'));
  const standIns = await startStandIns({ app, home });
  const dynamo = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: standIns.endpoints.dynamodb,
      region: 'us-east-1',
      credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    }),
  );
  const table = (name: string) => standIns.tableNames[name] ?? name;
  try {
    await seed(dynamo, table('registry'), table('filings'), agencies);
    const events = new MemoryEventPublisher();
    const ports = {
      clock: new ManualClock('2023-02-01T00:00:00Z'),
      agencies: new DynamoAgencyRegistry(dynamo, table('registry')),
      reports: new DynamoAcceptedReports(dynamo, table('filings')),
      notices: new DynamoNoticeStore(dynamo, table('notices')),
      events,
      config: DeadlineConfigSchema.parse({}),
    };
    const dryStarted = performance.now();
    await runDeadlines(ports, { asOf: '2023-02-01', dryRun: true });
    const dryRunSeconds = (performance.now() - dryStarted) / 1000;
    const started = performance.now();
    const run = await runDeadlines(ports, { asOf: '2023-02-01', dryRun: false });
    const runSeconds = (performance.now() - started) / 1000;
    const figures = {
      agencies,
      notices: run.notices.length,
      dryRunSeconds: round(dryRunSeconds),
      runSeconds: round(runSeconds),
    };
    console.log(
      `  ${agencies} agencies, ${figures.notices} overdue: dry ${figures.dryRunSeconds}s, run ${figures.runSeconds}s`,
    );
    return figures;
  } finally {
    dynamo.destroy();
    await standIns.stop();
    await rm(home, { recursive: true, force: true });
  }
}

async function seed(dynamo: DynamoDBDocumentClient, registry: string, filings: string, count: number): Promise<void> {
  const ids = Array.from({ length: count }, (_, i) => `bench-${String(i).padStart(5, '0')}`);
  const agencyItems = ids.map((id) => ({
    pk: `AGENCY#${id}`,
    sk: 'AGENCY',
    listPk: 'AGENCIES',
    listSk: id,
    id,
    name: `测试机关${id}`,
    kind: 'department',
    region: '测试区',
    supervisorId: null,
    contactEmails: [`${id}@example.cn`],
    deadlineOverride: null,
  }));
  const versionItems = ids
    .filter((_, i) => i % 2 === 0)
    .map((agencyId) => ({
      pk: `AGENCY#${agencyId}`,
      sk: 'V#2022#000001',
      agencyId,
      year: 2022,
      version: 1,
      submissionId: `s-${agencyId}`,
      sha256: 'e'.repeat(64),
      original: { key: `originals/${'e'.repeat(64)}`, contentType: 'text/plain', fileName: null, sizeBytes: 1 },
      canonicalKey: `reports/${agencyId}/2022/v1.json`,
      acceptedAt: '2023-01-20T02:00:00.000Z',
      publishedOn: null,
      amendmentReason: null,
      imported: false,
      hasErrors: false,
      warningCount: 0,
    }));
  const writes = [
    ...chunked(agencyItems, 25).map((items) => ({ table: registry, items })),
    ...chunked(versionItems, 25).map((items) => ({ table: filings, items })),
  ];
  await mapConcurrently(writes, 4, async ({ table, items }) => {
    let pending: unknown[] = items.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const out = await dynamo.send(new BatchWriteCommand({ RequestItems: { [table]: pending as never[] } }));
      pending = out.UnprocessedItems?.[table] ?? [];
    }
  });
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runDeadlineBench(Number(process.argv[2] ?? 10_000));
}
