import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderWideCsv, wideColumns, wideCsvHeader, wideRow } from '#shared/archive/dataset-formats.ts';
import type { Region, RegionPath } from '#shared/archive/regions.ts';
import { buildReport, modified } from '../../helpers/report-builder.ts';

const GOLDEN = new URL('../../fixtures/golden/wide-csv-columns.txt', import.meta.url);
const PATH: RegionPath = [
  { code: '440000', name: '广东省', level: 'province' },
  { code: '440200', name: '韶关市', level: 'city' },
  { code: '440205', name: '曲江区', level: 'county' },
];

describe('the wide CSV', () => {
  it('heads every column with a unique Chinese printed name', () => {
    const labels = wideColumns().map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.slice(0, 3)).toEqual(['机关标识', '机关名称', '报告年度']);
    expect(labels).toContain('表三 › 一、本年新收政府信息公开申请数量 › 总计');
    expect(labels.every((l) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
  });

  it('keeps its columns stable: names, headers and order as committed', () => {
    // A change here changes every published wide CSV and the data package: update the golden file on purpose.
    const lines = wideColumns().map((c) => `${c.name}\t${c.label}`);
    expect(lines.join('\n')).toBe(readFileSync(GOLDEN, 'utf8').trimEnd());
  });

  it('is one header row and one row per report, UTF-8 with BOM and CRLF, names safe from Excel formulas', () => {
    const report = modified(buildReport('2021', 2022), (r) => {
      r.applications.newReceived.total = 7;
    });
    const source = {
      agencyId: 'x',
      agencyName: '=HYPERLINK("http://evil")',
      year: 2022,
      version: 2,
      path: [PATH[0], PATH[1], PATH[2]] as [Region, Region, Region],
      title: '标题, 含逗号',
      publishedOn: '2023-01-20',
      filedOn: '2023-01-21',
    };
    const csv = renderWideCsv([wideRow(source, report)]);
    expect(csv.startsWith(`\uFEFF${wideCsvHeader()}`)).toBe(true);
    const [, row, end] = csv.slice(1).split('\r\n');
    expect(end).toBe('');
    expect(
      row?.startsWith(
        `x,"'=HYPERLINK(""http://evil"")",2022,2,440000,广东省,440200,韶关市,440205,曲江区,"标题, 含逗号",`,
      ),
    ).toBe(true);
    const at = wideColumns().findIndex((c) => c.name === 'applications__newreceived__total');
    expect(row?.split(',')[at + 1]).toBe('7');
  });
});
