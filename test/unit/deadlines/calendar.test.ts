import { describe, expect, it } from 'vitest';
import { addDays, chinaDay, daysBetween, deadlineFor, nextWorkingDay } from '#shared/deadlines/calendar.ts';
import { DeadlineConfigError, DeadlineConfigSchema, parseDeadlineConfig } from '#shared/deadlines/config.ts';
import { currentStage, noticeStages } from '#shared/deadlines/notice-stages.ts';
import { type AgencyInput, AgencySchema } from '#shared/registry/agency.ts';

const agency = (input: Partial<AgencyInput>) =>
  AgencySchema.parse({ id: 'a-1', name: '某某局', kind: 'department', region: '曲江区', ...input });
const defaults = DeadlineConfigSchema.parse({});

describe('the statutory calendar (条例第四十九条)', () => {
  it('gives departments 31 January and governments 31 March of the following year', () => {
    expect(deadlineFor(agency({ kind: 'department' }), 2022, defaults)).toEqual({ date: '2023-01-31', source: 'kind' });
    expect(deadlineFor(agency({ kind: 'government' }), 2022, defaults)).toEqual({ date: '2023-03-31', source: 'kind' });
  });

  it("gives townships and other bodies the county's date, 31 March, unless configured", () => {
    expect(deadlineFor(agency({ kind: 'township' }), 2022, defaults).date).toBe('2023-03-31');
    expect(deadlineFor(agency({ kind: 'other' }), 2022, defaults).date).toBe('2023-03-31');
    const config = DeadlineConfigSchema.parse({ kindDefaults: { other: '02-15' } });
    expect(deadlineFor(agency({ kind: 'other' }), 2022, config).date).toBe('2023-02-15');
  });

  it("lets the agency's own date win over its region's, and the region's over its kind's", () => {
    const config = DeadlineConfigSchema.parse({ regions: { 曲江区: { department: '02-10' }, 武江区: '03-15' } });
    expect(deadlineFor(agency({}), 2022, config)).toEqual({ date: '2023-02-10', source: 'region' });
    expect(deadlineFor(agency({ kind: 'government' }), 2022, config)).toEqual({ date: '2023-03-31', source: 'kind' });
    expect(deadlineFor(agency({ region: '武江区', kind: 'township' }), 2022, config).date).toBe('2023-03-15');
    expect(deadlineFor(agency({ deadlineOverride: '01-20' }), 2022, config)).toEqual({
      date: '2023-01-20',
      source: 'agency',
    });
  });

  it('inherits a region code’s calendar down the tree, the nearest region deciding, kind by kind (怀化 and its counties)', () => {
    // 怀化市 431200 sets its own dates; 沅陵县 431222 sets only its townships'.
    const config = DeadlineConfigSchema.parse({
      regions: {
        '431200': { department: '01-26', government: '02-20', township: '02-20' },
        '431222': { township: '03-10' },
      },
    });
    const at = (regionCode: string, kind: AgencyInput['kind']) =>
      deadlineFor(agency({ regionCode, region: '', kind }), 2023, config);
    expect(at('431200', 'department')).toEqual({ date: '2024-01-26', source: 'region' });
    expect(at('431222', 'department')).toEqual({ date: '2024-01-26', source: 'region' });
    expect(at('431222', 'township').date).toBe('2024-03-10');
    expect(at('431222100', 'township').date).toBe('2024-03-10');
    expect(at('431202', 'township').date).toBe('2024-02-20');
    expect(at('431222', 'other')).toEqual({ date: '2024-03-31', source: 'kind' });
    expect(at('440205', 'department')).toEqual({ date: '2024-01-31', source: 'kind' });
  });

  it('reads 29 February as the last day of February in a common year', () => {
    expect(deadlineFor(agency({ deadlineOverride: '02-29' }), 2022, defaults).date).toBe('2023-02-28');
    expect(deadlineFor(agency({ deadlineOverride: '02-29' }), 2023, defaults).date).toBe('2024-02-29');
  });

  it('keeps a deadline on a weekend or holiday unless rolling forward is configured', () => {
    // 2024-03-31 is a Sunday.
    expect(deadlineFor(agency({ kind: 'government' }), 2023, defaults).date).toBe('2024-03-31');
    const rolling = DeadlineConfigSchema.parse({ holidays: { rollForward: true, dates: ['2024-04-01'] } });
    expect(deadlineFor(agency({ kind: 'government' }), 2023, rolling).date).toBe('2024-04-02');
  });

  it('treats a working weekend (调休) as a working day', () => {
    const holidays = DeadlineConfigSchema.parse({ holidays: { workingWeekends: ['2023-01-28'] } }).holidays;
    expect(nextWorkingDay('2023-01-28', holidays)).toBe('2023-01-28');
    expect(nextWorkingDay('2023-01-29', holidays)).toBe('2023-01-30');
  });
});

describe('day arithmetic', () => {
  it('adds days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(daysBetween('2023-01-31', '2023-02-07')).toBe(7);
    expect(daysBetween('2023-02-07', '2023-01-31')).toBe(-7);
  });

  it('takes the China calendar day of an instant', () => {
    expect(chinaDay('2023-01-31T15:59:59Z')).toBe('2023-01-31');
    expect(chinaDay('2023-01-31T16:00:00Z')).toBe('2023-02-01');
  });
});

describe('notice stages', () => {
  const reminders = defaults.reminders;

  it('orders two reminders, the overdue notice and the escalation around the deadline', () => {
    expect(noticeStages(reminders).map((s) => [s.stage, s.offsetDays])).toEqual([
      ['dueSoon-14', -14],
      ['dueSoon-3', -3],
      ['overdue', 1],
      ['escalated', 7],
    ]);
  });

  it('finds the latest stage reached on a day, and none before the first reminder', () => {
    expect(currentStage('2023-01-31', '2023-01-16', reminders)).toBeNull();
    expect(currentStage('2023-01-31', '2023-01-17', reminders)?.stage).toBe('dueSoon-14');
    expect(currentStage('2023-01-31', '2023-01-31', reminders)?.stage).toBe('dueSoon-3');
    expect(currentStage('2023-01-31', '2023-02-01', reminders)?.stage).toBe('overdue');
    expect(currentStage('2023-01-31', '2023-06-01', reminders)?.stage).toBe('escalated');
  });
});

describe('the deadline configuration', () => {
  it('fills every default from an unset variable', () => {
    expect(parseDeadlineConfig(undefined)).toEqual(defaults);
    expect(defaults.reminders).toEqual({ dueSoonDays: [14, 3], overdueAfterDays: 1, escalateAfterDays: 7 });
  });

  it('names the variable and the field when the value is wrong', () => {
    expect(() => parseDeadlineConfig('{')).toThrow(/GONGKAI_DEADLINES is not valid JSON/);
    expect(() => parseDeadlineConfig('{"regions":{"曲江区":"13-01"}}')).toThrow(DeadlineConfigError);
    expect(() => parseDeadlineConfig('{"reminders":{"overdueAfterDays":9,"escalateAfterDays":7}}')).toThrow(
      /escalation must come after/,
    );
  });
});
