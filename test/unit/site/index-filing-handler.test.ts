import { readFileSync } from 'node:fs';
import type { SQSEvent } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { entryPk } from '#shared/archive/archive-index.ts';
import { type ArchiveTask, encodeTask } from '#shared/archive/archive-tasks.ts';
import { shardOf } from '#shared/archive/regions.ts';
import { createHandler } from '../../../functions/events/index-filing.ts';
import { createHandler as createPagesConsumer } from '../../../functions/queues/pages-tasks.ts';
import { createHandler as createShardConsumer } from '../../../functions/queues/shard-tasks.ts';
import { buildReport, withCell } from '../../helpers/report-builder.ts';
import { agencyOf, archive, type SiteWorld, siteWorld, text } from './site-world.ts';

const sample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../events/samples/${name}.v1.json`, import.meta.url), 'utf8'));

const AGENCY = agencyOf('qujiang-trade-union', '韶关市曲江区总工会', 'other');
let world: SiteWorld;

beforeEach(async () => {
  world = siteWorld();
  await world.agencies.create(AGENCY);
  const report = { ...buildReport('2021', 2022), agency: { name: AGENCY.name } };
  await archive(world, AGENCY.id, { report });
});

/** The queued messages as the SQS event source hands them to a consumer. */
function sqsEvent(tasks: readonly ArchiveTask[]): SQSEvent {
  return {
    Records: tasks.map((task, i) => ({ messageId: `m${i}`, body: encodeTask(task) })),
  } as unknown as SQSEvent;
}

/** Runs the queued pages tasks through the pages queue's consumer. */
async function consumePages(): Promise<void> {
  const pages: ArchiveTask[] = [];
  await world.queue.drain(
    async (task) => {
      pages.push(task);
    },
    (task) => task.kind === 'pages',
  );
  const reply = await createPagesConsumer(() => world)(sqsEvent(pages));
  expect(reply.batchItemFailures).toEqual([]);
}

describe('the indexFiling handler', () => {
  it('indexes the agency-year named by a ReportAccepted event and queues its pages, shard and home', async () => {
    await createHandler(() => world)(sample('report-accepted'));
    expect(await world.index.get(entryPk(2022, shardOf(AGENCY)), AGENCY.id)).toMatchObject({ version: 1 });
    expect(world.site.keys()).toEqual([]);
    await consumePages();
    expect(await text(world, 'reports/qujiang-trade-union/2022/index.html')).toContain('韶关市曲江区总工会');
    expect(world.queue.size).toBe(2);
  });

  it('publishes the amended version named by a ReportAmended event', async () => {
    const report = withCell(
      { ...buildReport('2021', 2022), agency: { name: AGENCY.name } },
      'applications.granted.naturalPerson',
      7,
    );
    await archive(world, AGENCY.id, { report, version: 2, amendmentReason: '更正表三自然人申请数量' });
    await createHandler(() => world)(sample('report-amended'));
    await consumePages();
    expect(await text(world, 'reports/qujiang-trade-union/2022/index.html')).toContain(
      '更正原因：更正表三自然人申请数量',
    );
  });

  it('refuses an event that does not match its contract, so EventBridge retries it', async () => {
    const broken = { ...sample('report-accepted'), detail: { agencyId: AGENCY.id } };
    await expect(createHandler(() => world)(broken)).rejects.toThrow(/ReportAccepted/);
    expect(world.queue.size).toBe(0);
  });
});

describe('a task queue consumer', () => {
  it("fails a task of another queue's kind, and the rest of its batch after it, writing nothing", async () => {
    const window = 1;
    const misrouted: ArchiveTask[] = [
      { kind: 'shard', year: 2022, code: shardOf(AGENCY), window },
      { kind: 'pages', agencyId: AGENCY.id, window },
    ];
    const reply = await createPagesConsumer(() => world)(sqsEvent(misrouted));
    expect(reply.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }, { itemIdentifier: 'm1' }]);
    const shards = await createShardConsumer(() => world)(sqsEvent([{ kind: 'home', window }]));
    expect(shards.batchItemFailures).toEqual([{ itemIdentifier: 'm0' }]);
    expect(world.site.keys()).toEqual([]);
  });
});
