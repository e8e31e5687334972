import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { toCronerPattern, toScheduleTiming } from '../../../infra/local/cron.ts';

function nextRuns(expression: string, timezone: string, from: string, count = 3): string[] {
  const timing = toScheduleTiming(expression, timezone);
  if (timing.kind !== 'cron') throw new Error('expected a cron timing');
  return new Cron(timing.pattern, timing.options).nextRuns(count, new Date(from)).map((d) => d.toISOString());
}

describe('toCronerPattern', () => {
  it('prepends a seconds field and keeps the year', () => {
    expect(toCronerPattern('0 18 ? * MON-FRI *')).toBe('0 0 18 ? * MON-FRI *');
  });

  it('rejects five-field (Unix) cron, which AWS does not accept', () => {
    expect(() => toCronerPattern('0 18 * * 1')).toThrow(/6 fields/);
  });

  it('rejects an expression constraining both day fields, as AWS does at deploy', () => {
    expect(() => toCronerPattern('0 18 1 * MON *')).toThrow(/exactly one/);
    expect(() => toCronerPattern('0 18 ? * ? *')).toThrow(/exactly one/);
  });
});

describe('toScheduleTiming', () => {
  it('runs the declared every-five-minutes sweep on the five-minute marks', () => {
    expect(nextRuns('cron(0/5 * * * ? *)', 'Asia/Shanghai', '2026-03-01T00:01:30Z')).toEqual([
      '2026-03-01T00:05:00.000Z',
      '2026-03-01T00:10:00.000Z',
      '2026-03-01T00:15:00.000Z',
    ]);
  });

  it('reads hours in the declared time zone (09:00 Beijing time is 01:00 UTC)', () => {
    expect(nextRuns('cron(0 9 * * ? *)', 'Asia/Shanghai', '2026-03-01T02:00:00Z', 1)).toEqual([
      '2026-03-02T01:00:00.000Z',
    ]);
  });

  it('numbers weekdays as AWS does: 2 is Monday', () => {
    // 2026-03-02 is a Monday.
    expect(nextRuns('cron(0 9 ? * 2 *)', 'Asia/Shanghai', '2026-03-01T00:00:00Z', 2)).toEqual([
      '2026-03-02T01:00:00.000Z',
      '2026-03-09T01:00:00.000Z',
    ]);
  });

  it('honours the year field instead of reading the pattern seconds-first', () => {
    expect(nextRuns('cron(0 9 1 1 ? 2030)', 'Asia/Shanghai', '2026-03-01T00:00:00Z', 2)).toEqual([
      '2030-01-01T01:00:00.000Z',
    ]);
  });

  it('supports the last day of the month and the nth weekday', () => {
    expect(nextRuns('cron(0 9 L * ? *)', 'UTC', '2026-02-01T00:00:00Z', 1)).toEqual(['2026-02-28T09:00:00.000Z']);
    // The third Friday (6#3) of March 2026 is the 20th.
    expect(nextRuns('cron(0 9 ? 3 6#3 *)', 'UTC', '2026-03-01T00:00:00Z', 1)).toEqual(['2026-03-20T09:00:00.000Z']);
  });

  it('reads rate expressions as fixed intervals', () => {
    expect(toScheduleTiming('rate(5 minutes)', 'UTC')).toEqual({ kind: 'rate', everyMs: 300_000 });
    expect(toScheduleTiming('rate(1 hour)', 'UTC')).toEqual({ kind: 'rate', everyMs: 3_600_000 });
    expect(() => toScheduleTiming('rate(0 days)', 'UTC')).toThrow(/unsupported rate/);
  });

  it('refuses one-time at() schedules', () => {
    expect(() => toScheduleTiming('at(2030-01-01T00:00:00)', 'UTC')).toThrow(/one-time/);
  });
});
