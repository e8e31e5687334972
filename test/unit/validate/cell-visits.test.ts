import { describe, expect, it } from 'vitest';
import { TABLE_LABELS, type TableKey } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { cellRefs } from '#shared/report/paths.ts';
import { RULES } from '#shared/validate/validate-report.ts';
import { buildReport, previousYearOf } from '../../helpers/report-builder.ts';

/** The report with every read of a table cell counted by path. */
function countingReads(report: Report): { report: Report; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const row = (table: string, key: string, cells: object) =>
    new Proxy(cells, {
      get(target, column, receiver) {
        if (typeof column === 'string') {
          const path = `${table}.${key}.${column}`;
          reads.set(path, (reads.get(path) ?? 0) + 1);
        }
        return Reflect.get(target, column, receiver);
      },
    });
  const table = (name: string, rows: object) =>
    new Proxy(rows, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        return typeof key === 'string' && typeof value === 'object' && value !== null ? row(name, key, value) : value;
      },
    });
  const counted: Report = { ...report };
  for (const name of Object.keys(TABLE_LABELS) as TableKey[]) {
    Object.assign(counted, { [name]: table(name, report[name]) });
  }
  return { report: counted, reads };
}

describe.each(['2021', '2019'] as const)('checking a %s-format report', (shape) => {
  const report = buildReport(shape);
  const context = { agencyKind: 'government' as const, previous: previousYearOf(report), deadline: '2099-01-31' };
  const cells = cellRefs(report.shapes).length;

  it('reads each cell at most once per rule', () => {
    for (const rule of RULES) {
      const { report: counted, reads } = countingReads(report);
      rule(counted, context);
      const twice = [...reads].filter(([, n]) => n > 1);
      expect(twice, rule.name).toEqual([]);
    }
  });

  it('reads each cell once for H5 and H6 together: counts and amounts are told apart by shape, not by reading', () => {
    const { report: counted, reads } = countingReads(report);
    for (const rule of RULES.filter((r) => r.name === 'checkCounts' || r.name === 'checkAmounts')) {
      rule(counted, context);
    }
    expect(Math.max(...reads.values())).toBe(1);
    expect(reads.size).toBe(cells);
  });
});
