import { describe, expect, it } from 'vitest';
import type { SubscriptionDecl } from '../../../infra/declaration.ts';
import { createEventDelivery } from '../../../infra/local/event-delivery.ts';
import type { BusEnvelope } from '../../../infra/local/event-envelopes.ts';

function envelope(detailType: string, id = 'e-1'): BusEnvelope {
  return {
    version: '0',
    id,
    'detail-type': detailType,
    source: 'gongkai.filing',
    account: '000000000000',
    time: '2026-03-01T00:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: {},
  };
}

const subscriptions: SubscriptionDecl<string>[] = [
  { source: 'gongkai.filing', detailTypes: ['ReportAccepted', 'ReportAmended'], fn: 'rebuildPages' },
  { source: 'gongkai.filing', detailTypes: ['ReportAccepted'], fn: 'notify', maxAttempts: 2 },
];

describe('createEventDelivery', () => {
  it('delivers an event to every matching subscription, after the publisher has returned', async () => {
    const calls: string[] = [];
    const delivery = createEventDelivery({
      subscriptions,
      invoke: async (fn) => {
        calls.push(fn);
      },
    });
    expect(await delivery.deliver(envelope('ReportAccepted'))).toBe(2);
    expect(calls).toEqual([]);
    await delivery.waitForIdle();
    expect(calls.sort()).toEqual(['notify', 'rebuildPages']);
    expect(await delivery.deliver(envelope('SubmissionRejected'))).toBe(0);
  });

  it('retries a failing consumer and succeeds without a dead letter', async () => {
    let attempts = 0;
    const delivery = createEventDelivery({
      subscriptions,
      retryBaseMs: 1,
      invoke: async (fn) => {
        if (fn !== 'rebuildPages') return;
        attempts += 1;
        if (attempts < 3) throw new Error('site bucket busy');
      },
    });
    await delivery.deliver(envelope('ReportAmended'));
    await delivery.waitForIdle();
    expect(attempts).toBe(3);
    expect(delivery.deadLetters()).toEqual([]);
  });

  it('dead-letters the event after the subscription maxAttempts', async () => {
    const attempts: Record<string, number> = {};
    const delivery = createEventDelivery({
      subscriptions,
      retryBaseMs: 1,
      invoke: async (fn) => {
        attempts[fn] = (attempts[fn] ?? 0) + 1;
        throw new Error(`${fn} is broken`);
      },
    });
    await delivery.deliver(envelope('ReportAccepted', 'e-42'));
    await delivery.waitForIdle();
    expect(attempts).toEqual({ rebuildPages: 3, notify: 2 });
    expect(
      delivery
        .deadLetters()
        .map(({ fn, attempts: n, error, event }) => ({ fn, n, error, id: event.id }))
        .sort((a, b) => a.fn.localeCompare(b.fn)),
    ).toEqual([
      { fn: 'notify', n: 2, error: 'notify is broken', id: 'e-42' },
      { fn: 'rebuildPages', n: 3, error: 'rebuildPages is broken', id: 'e-42' },
    ]);
  });

  it('caps attempts at Lambda’s asynchronous limit of three, whatever the rule asks', async () => {
    let attempts = 0;
    const delivery = createEventDelivery({
      subscriptions: [{ source: 'aws.s3', detailTypes: ['Object Created'], fn: 'onUpload', maxAttempts: 5 }],
      retryBaseMs: 1,
      invoke: async () => {
        attempts += 1;
        throw new Error('unreadable upload');
      },
    });
    await delivery.deliver({ ...envelope('Object Created'), source: 'aws.s3' });
    await delivery.waitForIdle();
    expect(attempts).toBe(3);
    expect(delivery.deadLetters()).toMatchObject([{ fn: 'onUpload', attempts: 3 }]);
  });

  it('invokes a schedule target directly, with the same retries and dead letters', async () => {
    const calls: string[] = [];
    const delivery = createEventDelivery({
      subscriptions,
      retryBaseMs: 1,
      invoke: async (fn, event) => {
        calls.push(`${fn}:${(event as BusEnvelope)['detail-type']}`);
        throw new Error('sweep failed');
      },
    });
    delivery.invokeAsync('publishPending', { ...envelope('Scheduled Event'), source: 'aws.scheduler' });
    await delivery.waitForIdle();
    expect(calls).toEqual(Array(3).fill('publishPending:Scheduled Event'));
    expect(delivery.deadLetters()).toMatchObject([{ fn: 'publishPending', attempts: 3, error: 'sweep failed' }]);
  });

  it('stays busy while a consumer publishes a follow-up event', async () => {
    const seen: string[] = [];
    const delivery = createEventDelivery({
      subscriptions: [
        { source: 'gongkai.filing', detailTypes: ['ReportAccepted'], fn: 'first' },
        { source: 'gongkai.filing', detailTypes: ['PagesRebuilt'], fn: 'second' },
      ],
      invoke: async (fn) => {
        seen.push(fn);
        if (fn === 'first') void delivery.deliver(envelope('PagesRebuilt', 'e-2'));
      },
    });
    await delivery.deliver(envelope('ReportAccepted'));
    await delivery.waitForIdle();
    expect(seen).toEqual(['first', 'second']);
  });

  it('is idle at once when nothing was delivered', async () => {
    const delivery = createEventDelivery({ subscriptions, invoke: async () => undefined });
    await expect(delivery.waitForIdle()).resolves.toBeUndefined();
  });
});
