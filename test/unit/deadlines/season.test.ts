/**
 * A whole filing season, January to April 2023 (report year 2022), run day by day as the schedule would:
 * which notices go out on which day, to whom, and what the status page says afterwards.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '#shared/deadlines/calendar.ts';
import { listFilingStatus } from '#shared/deadlines/read-status.ts';
import type { AgencyInput } from '#shared/registry/agency.ts';
import { DeadlineWorld } from './deadline-world.ts';

const REGISTRY: AgencyInput[] = [
  { id: 'gov', name: '曲江区人民政府', kind: 'government', region: '曲江区', contactEmails: ['zwgk@gov.example.cn'] },
  {
    id: 'dept-silent',
    name: '曲江区教育局',
    kind: 'department',
    region: '曲江区',
    supervisorId: 'gov',
    contactEmails: ['jy@example.cn'],
  },
  {
    id: 'dept-reminded',
    name: '曲江区财政局',
    kind: 'department',
    region: '曲江区',
    supervisorId: 'gov',
    contactEmails: ['cz@example.cn'],
  },
  {
    id: 'dept-late',
    name: '曲江区民政局',
    kind: 'department',
    region: '曲江区',
    supervisorId: 'gov',
    contactEmails: ['mz@example.cn'],
  },
  {
    id: 'dept-own-date',
    name: '曲江区统计局',
    kind: 'department',
    region: '曲江区',
    deadlineOverride: '02-15',
    contactEmails: ['tj@example.cn'],
  },
  {
    id: 'town-region',
    name: '大塘镇人民政府',
    kind: 'township',
    region: '大塘镇',
    supervisorId: 'gov',
    contactEmails: ['dt@example.cn'],
  },
  {
    id: 'town-silent',
    name: '樟市镇人民政府',
    kind: 'township',
    region: '曲江区',
    supervisorId: 'gov',
    contactEmails: ['zs@example.cn'],
  },
];
const CONFIG = { regions: { 大塘镇: { township: '02-28' } } };
/** Days on which agencies file (before the 08:00 run). */
const FILINGS: Record<string, string[]> = {
  '2023-01-20': ['dept-reminded'],
  '2023-02-03': ['dept-late'],
  '2023-03-10': ['gov'],
};

const only = (...ids: string[]) => REGISTRY.filter((a) => ids.includes(a.id));

async function season() {
  const world = new DeadlineWorld(CONFIG);
  await world.register(...REGISTRY);
  const sent: string[] = [];
  for (let day = '2023-01-01'; day <= '2023-04-30'; day = addDays(day, 1)) {
    world.at(day);
    for (const agencyId of FILINGS[day] ?? []) await world.file(agencyId, 2022, day);
    const before = world.mailer.sent.length;
    await world.run(day);
    await world.deliver();
    for (const mail of world.mailer.sent.slice(before)) sent.push(`${day} ${mail.to.join(',')} ${mail.subject}`);
  }
  return { world, sent };
}

describe('a filing season', () => {
  it('sends exactly the due reminders, overdue notices and escalations, each on its day', async () => {
    const { sent } = await season();
    const day = (line: string) => line.slice(0, 10);
    const who = (line: string) => line.split(' ')[1];
    // Within a day the order is the registry's; the day and the address are what matter.
    expect(sent.map((line) => `${day(line)} ${who(line)}`).sort()).toEqual(
      [
        // departments: 31 January
        '2023-01-17 jy@example.cn',
        '2023-01-17 cz@example.cn',
        '2023-01-17 mz@example.cn',
        '2023-01-28 jy@example.cn',
        '2023-01-28 mz@example.cn',
        '2023-02-01 jy@example.cn',
        '2023-02-01 mz@example.cn',
        // its own date, 15 February
        '2023-02-01 tj@example.cn',
        '2023-02-07 zwgk@gov.example.cn',
        '2023-02-12 tj@example.cn',
        // the region's township date, 28 February
        '2023-02-14 dt@example.cn',
        '2023-02-16 tj@example.cn',
        '2023-02-22 tj@example.cn',
        '2023-02-25 dt@example.cn',
        '2023-03-01 dt@example.cn',
        '2023-03-07 zwgk@gov.example.cn',
        // the statutory township date, 31 March
        '2023-03-17 zs@example.cn',
        '2023-03-28 zs@example.cn',
        '2023-04-01 zs@example.cn',
        '2023-04-07 zwgk@gov.example.cn',
      ].sort(),
    );
    expect(sent.filter((line) => line.includes('【督办】'))).toEqual([
      '2023-02-07 zwgk@gov.example.cn 【督办】曲江区教育局2022年政府信息公开工作年度报告逾期7天未报送',
      '2023-02-22 tj@example.cn 【督办】曲江区统计局2022年政府信息公开工作年度报告逾期7天未报送',
      '2023-03-07 zwgk@gov.example.cn 【督办】大塘镇人民政府2022年政府信息公开工作年度报告逾期7天未报送',
      '2023-04-07 zwgk@gov.example.cn 【督办】樟市镇人民政府2022年政府信息公开工作年度报告逾期7天未报送',
    ]);
  });

  it('escalates to the agency itself when it has no supervising office', async () => {
    const { world } = await season();
    const escalated = world.notices.all().find((n) => n.agencyId === 'dept-own-date' && n.kind === 'escalated');
    expect(escalated).toMatchObject({ to: ['tj@example.cn'], status: 'sent', asOf: '2023-02-22' });
  });

  it('records one notice per agency, year and stage, and publishes NoticeSent for each mail', async () => {
    const { world, sent } = await season();
    const records = world.notices.all();
    expect(records).toHaveLength(sent.length);
    expect(new Set(records.map((r) => `${r.agencyId}/${r.stage}`)).size).toBe(records.length);
    expect(records.every((r) => r.status === 'sent' && r.messageId !== null)).toBe(true);
    expect(world.bus.published.filter((e) => e.detailType === 'NoticeSent')).toHaveLength(sent.length);
  });

  it('stops reminding an agency once its report is accepted', async () => {
    const { world } = await season();
    const stages = (id: string) =>
      world.notices
        .all()
        .filter((n) => n.agencyId === id)
        .map((n) => n.stage);
    expect(stages('dept-reminded')).toEqual(['dueSoon-14']);
    expect(stages('dept-late')).toEqual(['dueSoon-14', 'dueSoon-3', 'overdue']);
    expect(stages('gov')).toEqual([]);
  });

  it('marks the season on the status page: on time, late and missing', async () => {
    const { world } = await season();
    const status = await listFilingStatus(world.deadlinePorts, 2022, '2023-04-30');
    expect(status.map((s) => [s.agencyId, s.status, s.deadline, s.filedOn, s.daysLate])).toEqual([
      ['dept-late', 'late', '2023-01-31', '2023-02-03', 3],
      ['dept-own-date', 'missing', '2023-02-15', null, 74],
      ['dept-reminded', 'onTime', '2023-01-31', '2023-01-20', 0],
      ['dept-silent', 'missing', '2023-01-31', null, 89],
      ['gov', 'onTime', '2023-03-31', '2023-03-10', 0],
      ['town-region', 'missing', '2023-02-28', null, 61],
      ['town-silent', 'missing', '2023-03-31', null, 30],
    ]);
  });
});

describe('escalation', () => {
  it('tells the agency itself when its supervising office has no address', async () => {
    const world = new DeadlineWorld();
    await world.register(
      { id: 'office', name: '无邮箱的区政府', kind: 'government', region: '曲江区' },
      {
        id: 'dept',
        name: '某某局',
        kind: 'department',
        region: '曲江区',
        supervisorId: 'office',
        contactEmails: ['d@example.cn'],
      },
    );
    const run = await world.run('2023-02-07', true);
    expect(run.notices).toMatchObject([
      { agencyId: 'dept', kind: 'escalated', recipients: ['d@example.cn'], supervisorId: null },
    ]);
  });
});

describe('running a day again', () => {
  it('emits and sends nothing new on a second run of the same day', async () => {
    const world = new DeadlineWorld();
    await world.register(...only('gov', 'dept-silent'));
    world.at('2023-02-01');
    const first = await world.run('2023-02-01');
    await world.deliver();
    const second = await world.run('2023-02-01');
    await world.deliver();
    expect(first.notices.map((n) => `${n.agencyId} ${n.stage}`)).toEqual(['dept-silent overdue']);
    expect(second.notices).toEqual([]);
    expect(world.mailer.sent).toHaveLength(1);
  });

  it('sends each notice once when two runs of the same day overlap', async () => {
    const world = new DeadlineWorld();
    await world.register(...REGISTRY);
    world.at('2023-02-01');
    const [a, b] = await Promise.all([world.run('2023-02-01'), world.run('2023-02-01')]);
    expect(a.notices).toHaveLength(4);
    expect(b.notices).toHaveLength(4);
    await world.deliver();
    expect(world.mailer.sent.map((m) => m.to[0]).sort()).toEqual([
      'cz@example.cn',
      'jy@example.cn',
      'mz@example.cn',
      'tj@example.cn',
    ]);
  });

  it('plans without publishing on a dry run', async () => {
    const world = new DeadlineWorld();
    await world.register(...only('dept-silent'));
    const run = await world.run('2023-02-01', true);
    expect(run).toMatchObject({ asOf: '2023-02-01', year: 2022, dryRun: true, agencies: 1 });
    expect(run.notices).toHaveLength(1);
    expect(world.bus.published).toEqual([]);
  });
});
