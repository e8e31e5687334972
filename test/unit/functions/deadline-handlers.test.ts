import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createHandler as createSendNotice } from '../../../functions/events/send-notice.ts';
import { createHandler as createRunDeadlines } from '../../../functions/http/run-deadlines.ts';
import { DeadlineWorld } from '../deadlines/deadline-world.ts';
import { ADMIN_CALLER, AGENCY_CALLER, call, httpEvent } from './http-event.ts';

const overdueSample = async (): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(new URL('../../../events/samples/filing-overdue.v1.json', import.meta.url), 'utf8'));

describe('the notice sender', () => {
  it('mails the notice of a delivered FilingOverdue event once, however often it arrives', async () => {
    const world = new DeadlineWorld();
    const handler = createSendNotice(() => world.noticePorts);
    const event = await overdueSample();
    await handler(event);
    await handler(event);
    expect(world.mailer.sent).toHaveLength(1);
    // The repeat announces the sent notice again under the same id (consumers de-duplicate on it).
    const announced = world.bus.published.map((e) => (e.detail as { eventId: string }).eventId);
    expect(announced).toEqual([
      'NoticeSent/qujiang-trade-union/2022/overdue',
      'NoticeSent/qujiang-trade-union/2022/overdue',
    ]);
    expect(world.mailer.sent[0]?.subject).toBe('【逾期通知】韶关市曲江区总工会2022年政府信息公开工作年度报告已逾期');
  });

  it('throws when the mail service fails, so the bus retries, and sends on the retry', async () => {
    const world = new DeadlineWorld();
    const handler = createSendNotice(() => world.noticePorts);
    const event = await overdueSample();
    world.mailer.failNext(1);
    await expect(handler(event)).rejects.toThrow('mail service unavailable');
    expect(world.notices.all()).toMatchObject([{ status: 'failed', error: 'mail service unavailable' }]);
    await handler(event);
    expect(world.notices.all()).toMatchObject([{ status: 'sent', messageId: 'memory-1' }]);
    expect(world.bus.published.map((e) => e.detailType)).toEqual(['NoticeSent']);
  });

  it('records a notice with nobody to send it to, and mails nothing', async () => {
    const world = new DeadlineWorld();
    const event = await overdueSample();
    await createSendNotice(() => world.noticePorts)({
      ...event,
      detail: { ...(event.detail as object), recipients: [] },
    });
    expect(world.mailer.sent).toEqual([]);
    expect(world.notices.all()).toMatchObject([{ status: 'noRecipient' }]);
  });

  it('refuses an event that breaks its contract', async () => {
    const world = new DeadlineWorld();
    const event = await overdueSample();
    await expect(
      createSendNotice(() => world.noticePorts)({ ...event, detail: { ...(event.detail as object), year: 'x' } }),
    ).rejects.toThrow();
    await expect(
      createSendNotice(() => world.noticePorts)({ ...event, 'detail-type': 'ReportAccepted' }),
    ).rejects.toThrow(/does not handle ReportAccepted/);
  });
});

describe('POST /v1/admin/deadlines/run', () => {
  const route = 'POST /v1/admin/deadlines/run';

  it('answers what a dry run would emit', async () => {
    const world = new DeadlineWorld();
    await world.register({
      id: 'dept',
      name: '某某局',
      kind: 'department',
      region: '曲江区',
      contactEmails: ['a@example.cn'],
    });
    const handler = createRunDeadlines(() => world.deadlinePorts);
    const body = JSON.stringify({ asOf: '2023-02-01', dryRun: true });
    const result = await call(
      handler,
      httpEvent(route, { principal: ADMIN_CALLER, body, contentType: 'application/json' }),
    );
    expect(result.statusCode).toBe(200);
    expect(result.body).toMatchObject({
      asOf: '2023-02-01',
      year: 2022,
      dryRun: true,
      notices: [{ agencyId: 'dept', kind: 'overdue', stage: 'overdue', deadline: '2023-01-31' }],
    });
    expect(world.bus.published).toEqual([]);
  });

  it('refuses a malformed day and an agency caller', async () => {
    const world = new DeadlineWorld();
    const handler = createRunDeadlines(() => world.deadlinePorts);
    const body = JSON.stringify({ asOf: '2023-2-1' });
    const bad = await call(
      handler,
      httpEvent(route, { principal: ADMIN_CALLER, body, contentType: 'application/json' }),
    );
    expect(bad.statusCode).toBe(400);
    const agency = await call(handler, httpEvent(route, { principal: AGENCY_CALLER }));
    expect(agency.statusCode).toBe(403);
  });
});
