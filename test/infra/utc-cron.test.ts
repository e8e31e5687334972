import { describe, expect, it } from 'vitest';
import { utcCron } from '../../infra/cdk/utc-cron.ts';

describe('utcCron', () => {
  it('moves 08:00 in Beijing to midnight UTC, and leaves every-five-minutes alone', () => {
    expect(utcCron('cron(0 8 * * ? *)', 'Asia/Shanghai')).toBe('cron(0 0 * * ? *)');
    expect(utcCron('cron(0/5 * * * ? *)', 'Asia/Shanghai')).toBe('cron(0/5 * * * ? *)');
  });

  it('wraps hours before 08:00 to the previous UTC day when every day runs', () => {
    expect(utcCron('cron(30 2,20 * * ? *)', 'Asia/Shanghai')).toBe('cron(30 12,18 * * ? *)');
  });

  it('refuses what one UTC rule cannot say', () => {
    expect(() => utcCron('cron(0 2 1 * ? *)', 'Asia/Shanghai')).toThrow(/previous day/);
    expect(() => utcCron('cron(0 8-10 * * ? *)', 'Asia/Shanghai')).toThrow(/Cannot shift/);
    expect(() => utcCron('cron(0 8 * * ? *)', 'Europe/Berlin')).toThrow(/daylight saving/);
  });
});
