import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubscriptionDecl } from '../../../infra/declaration.ts';
import { createEventDelivery } from '../../../infra/local/event-delivery.ts';
import type { BusEnvelope } from '../../../infra/local/event-envelopes.ts';
import { JOURNAL_FILE, openEventJournal } from '../../../infra/local/event-journal.ts';

function envelope(id: string, detailType = 'ReportAccepted'): BusEnvelope {
  return {
    version: '0',
    id,
    'detail-type': detailType,
    source: 'gongkai.filing',
    account: '000000000000',
    time: '2026-03-01T00:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: { eventId: `${detailType}/${id}` },
  };
}

const subscriptions: SubscriptionDecl<string>[] = [
  { source: 'gongkai.filing', detailTypes: ['ReportAccepted'], fn: 'publishPages' },
  { source: 'gongkai.filing', detailTypes: ['ReportAccepted'], fn: 'notify', maxAttempts: 1 },
];

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'gongkai-journal-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('openEventJournal', () => {
  it('hands back, after a restart, every accepted event with the targets that did not finish it', async () => {
    const first = await openEventJournal(directory);
    await first.accepted(envelope('e-1'), ['publishPages', 'notify']);
    await first.accepted(envelope('e-2'), ['publishPages']);
    await first.delivered('e-1', 'notify');
    await first.delivered('e-2', 'publishPages');
    // no close: the process is killed here

    const second = await openEventJournal(directory);
    expect(second.recovered.unfinished).toEqual([{ event: envelope('e-1'), targets: ['publishPages'] }]);
    await second.close();
  });

  it('keeps dead letters across a restart', async () => {
    const first = await openEventJournal(directory);
    await first.accepted(envelope('e-3'), ['notify']);
    const letter = {
      fn: 'notify',
      event: envelope('e-3'),
      attempts: 3,
      error: 'broken',
      failedAt: '2026-03-01T00:00:01Z',
    };
    await first.deadLettered(letter);
    await first.close();

    const second = await openEventJournal(directory);
    expect(second.recovered).toEqual({ unfinished: [], deadLetters: [letter] });
    await second.close();
  });

  it('cuts off a record torn by a crash and appends whole records after it', async () => {
    const first = await openEventJournal(directory);
    await first.accepted(envelope('e-4'), ['publishPages']);
    await first.close();
    await appendFile(join(directory, JOURNAL_FILE), '{"accepted":{"id":"e-5","detail-t');

    const lines: string[] = [];
    const second = await openEventJournal(directory, { log: (line) => lines.push(line) });
    expect(second.recovered.unfinished.map((u) => u.event.id)).toEqual(['e-4']);
    expect(lines.join('\n')).toMatch(/torn/);
    await second.accepted(envelope('e-6'), ['publishPages']);
    await second.close();

    const third = await openEventJournal(directory);
    expect(third.recovered.unfinished.map((u) => u.event.id)).toEqual(['e-4', 'e-6']);
    await third.close();
  });

  it('compacts settled records away once the journal passes its bound, keeping what is open', async () => {
    const journal = await openEventJournal(directory, { compactAfterBytes: 4096 });
    await journal.accepted(envelope('kept'), ['publishPages']);
    for (let i = 0; i < 40; i += 1) {
      await journal.accepted(envelope(`e-${i}`), ['publishPages']);
      await journal.delivered(`e-${i}`, 'publishPages');
    }
    await journal.close();
    // 81 records of ~200 bytes were appended; after compaction at most one bound's worth is left.
    expect((await stat(join(directory, JOURNAL_FILE))).size).toBeLessThan(2 * 4096);

    const reopened = await openEventJournal(directory);
    expect(reopened.recovered.unfinished.map((u) => u.event.id)).toEqual(['kept']);
    await reopened.close();
  });

  it('writes concurrent acceptances whole, one record a line', async () => {
    const journal = await openEventJournal(directory);
    await Promise.all(Array.from({ length: 50 }, (_, i) => journal.accepted(envelope(`c-${i}`), ['publishPages'])));
    await journal.close();
    const lines = (await readFile(join(directory, JOURNAL_FILE), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    expect(new Set(lines.map((line) => (JSON.parse(line) as { accepted: BusEnvelope }).accepted.id)).size).toBe(50);
  });
});

describe('journaled delivery', () => {
  it('redelivers after a restart only to the targets that had not finished, and records each completion', async () => {
    const first = await openEventJournal(directory);
    const crashed = createEventDelivery({
      subscriptions,
      journal: first,
      invoke: (fn) => (fn === 'notify' ? Promise.resolve() : new Promise(() => {})), // publishPages never ends
    });
    expect(await crashed.deliver(envelope('e-7'))).toBe(2);
    await new Promise((done) => setTimeout(done, 20));

    const second = await openEventJournal(directory);
    const calls: string[] = [];
    const restarted = createEventDelivery({
      subscriptions,
      journal: second,
      invoke: async (fn, event) => {
        calls.push(`${fn}:${(event as BusEnvelope).id}`);
      },
    });
    expect(restarted.resume(second.recovered.unfinished)).toBe(1);
    await restarted.waitForIdle();
    expect(calls).toEqual(['publishPages:e-7']);
    await second.close();

    const third = await openEventJournal(directory);
    expect(third.recovered.unfinished).toEqual([]);
    await third.close();
  });

  it('lists dead letters of an earlier run', async () => {
    const first = await openEventJournal(directory);
    const failing = createEventDelivery({
      subscriptions,
      journal: first,
      retryBaseMs: 1,
      invoke: async (fn) => {
        if (fn === 'notify') throw new Error('mailer down');
      },
    });
    await failing.deliver(envelope('e-8'));
    await failing.waitForIdle();
    await first.close();

    const second = await openEventJournal(directory);
    const restarted = createEventDelivery({ subscriptions, journal: second, invoke: async () => undefined });
    expect(restarted.deadLetters()).toMatchObject([{ fn: 'notify', error: 'mailer down', event: { id: 'e-8' } }]);
    expect(second.recovered.unfinished).toEqual([]);
    await second.close();
  });

  it('refuses to acknowledge an event it could not write', async () => {
    const journal = await openEventJournal(directory);
    await journal.close();
    const delivery = createEventDelivery({ subscriptions, journal, invoke: async () => undefined });
    await expect(delivery.deliver(envelope('e-9'))).rejects.toThrow();
    await delivery.waitForIdle();
  });
});
