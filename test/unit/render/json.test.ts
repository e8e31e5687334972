import { describe, expect, it } from 'vitest';
import { renderReportJson } from '#shared/render/json.ts';
import { ReportSchema } from '#shared/report/model.ts';
import { buildReport, modified, withNote } from '../../helpers/report-builder.ts';

/** The same object with every key order reversed, as a differently written input would be. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('renderReportJson', () => {
  const report = withNote(
    withNote(buildReport('2021'), 'reviewsAndLawsuits.review.total', '7（含上年结转2件）'),
    'proactiveDisclosure.regulations.inForce',
    '12（含自然失效 3 件）',
  );

  it('prints keys in contract order with 2-space indent and a final newline', () => {
    const json = renderReportJson(report);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "schemaVersion": 1,');
    expect(Object.keys(JSON.parse(json))).toEqual([
      'schemaVersion',
      'title',
      'agency',
      'year',
      'publishedOn',
      'format',
      'shapes',
      'text',
      'proactiveDisclosure',
      'applications',
      'reviewsAndLawsuits',
      'cellNotes',
    ]);
  });

  it('gives the same bytes whatever order the input keys came in', () => {
    const shuffled = reversedKeys(report) as typeof report;
    expect(Object.keys(shuffled)[0]).toBe('cellNotes');
    expect(renderReportJson(shuffled)).toBe(renderReportJson(report));
  });

  it('orders rows and columns as the template and cell notes as the cells', () => {
    const parsed = JSON.parse(renderReportJson(reversedKeys(report) as typeof report));
    expect(Object.keys(parsed.applications)[0]).toBe('newReceived');
    expect(Object.keys(parsed.applications.newReceived)).toEqual([
      'naturalPerson',
      'commercialEnterprise',
      'researchInstitution',
      'publicInterestOrg',
      'legalServiceOrg',
      'otherOrg',
      'total',
    ]);
    expect(Object.keys(parsed.cellNotes)).toEqual([
      'proactiveDisclosure.regulations.inForce',
      'reviewsAndLawsuits.review.total',
    ]);
  });

  it('reads back to an equal report, keeping null cells, extra rows and the agency id', () => {
    const full = modified(report, (r) => {
      r.agency = { name: '示范市示范局', id: 'demo-bureau' };
      r.applications.granted.otherOrg = null;
      r.proactiveDisclosure.extraRows = { 其他主动公开文件: { issued: 1, repealed: null, inForce: 4 } };
    });
    const parsed = ReportSchema.parse(JSON.parse(renderReportJson(full)));
    expect(parsed).toEqual(full);
    expect(Object.keys(parsed.agency)).toEqual(['name', 'id']);
  });
});
