import { describe, expect, it } from 'vitest';
import { TABLE_LABELS, type TableKey } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { cellRefs } from '#shared/report/paths.ts';
import { validateReport } from '#shared/validate/validate-report.ts';
import { buildReport, previousYearOf, withCells } from '../../helpers/report-builder.ts';

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
  const consistent = buildReport(shape);
  const context = { agencyKind: 'government' as const, previous: previousYearOf(consistent), deadline: '2099-01-31' };
  const faulty = withCells(consistent, {
    'applications.newReceived.total': 1,
    'applications.granted.naturalPerson': null,
    'reviewsAndLawsuits.review.pending': -1,
  });

  it.each([
    ['consistent', consistent],
    ['faulty', faulty],
  ])('reads each cell of a %s report once, whatever every rule looks at', (_name, report) => {
    const { report: counted, reads } = countingReads(report);
    const findings = validateReport(counted, context);
    expect(findings).toEqual(validateReport(report, context));
    expect([...reads].filter(([, n]) => n > 1)).toEqual([]);
    // Provincial extra rows are read as rows (they have no template), the template's cells one by one.
    const templateCells = [...reads.keys()].filter((path) => !path.startsWith('proactiveDisclosure.extraRows.'));
    const known = new Set(cellRefs(report.shapes).map((r) => r.path));
    expect(templateCells.filter((p) => !known.has(p))).toEqual([]);
    expect(templateCells.sort()).toEqual(
      cellRefs(report.shapes)
        .map((r) => r.path)
        .sort(),
    );
  });
});
