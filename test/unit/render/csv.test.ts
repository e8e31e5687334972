import { describe, expect, it } from 'vitest';
import { REPORT_CSV_HEADER, renderReportCsv } from '#shared/render/csv.ts';
import { cellAt, cellRefs } from '#shared/report/paths.ts';
import { buildReport, modified, withCell, withNote } from '../../helpers/report-builder.ts';
import { readCsv } from './csv-reader.ts';

const parse = (csv: string) => readCsv(csv.slice(1));

describe('renderReportCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const csv = renderReportCsv(buildReport('2021'));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '').includes('\n')).toBe(false);
  });

  it.each([
    ['2021', 200],
    ['2019', 198],
  ] as const)('writes one row per cell of a %s-format report in canonical order', (shape, cells) => {
    const report = buildReport(shape);
    const [header, ...rows] = parse(renderReportCsv(report));
    expect(header).toEqual([...REPORT_CSV_HEADER]);
    expect(rows).toHaveLength(cells);
    expect(rows.map((r) => r[0])).toEqual(cellRefs(report.shapes).map((r) => r.path));
    for (const [path = '', , , , value] of rows) expect(Number(value)).toBe(cellAt(report, path));
  });

  it('prints the label trails in Chinese', () => {
    const rows = parse(renderReportCsv(buildReport('2021')));
    expect(rows.find((r) => r[0] === 'applications.deniedStateSecret.commercialEnterprise')).toEqual([
      'applications.deniedStateSecret.commercialEnterprise',
      '表三',
      '三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密',
      '法人或其他组织 › 商业企业',
      '14',
      '',
      '',
    ]);
  });

  it('reads back notes with quotes, commas and line breaks, and missing cells as empty', () => {
    const note = '22（其中"修订"16件,\r\n另有"废止"2件）';
    const report = withNote(
      withCell(buildReport('2021'), 'applications.granted.total', null),
      'applications.granted.total',
      note,
    );
    const row = parse(renderReportCsv(report)).find((r) => r[0] === 'applications.granted.total');
    expect(row?.slice(4)).toEqual(['', note, '']);
  });

  it('keeps decimals exact and provincial extra rows right after 表二', () => {
    const report = modified(
      withCell(buildReport('2019'), 'proactiveDisclosure.procurement.totalAmount', 4068.208),
      (r) => {
        r.proactiveDisclosure.extraRows = { 其他主动公开文件: { newlyMade: 3, newlyPublished: 3, totalPublished: 17 } };
      },
    );
    const rows = parse(renderReportCsv(report)).slice(1);
    expect(rows.find((r) => r[0] === 'proactiveDisclosure.procurement.totalAmount')?.[4]).toBe('4068.208');
    expect(rows[22]).toEqual([
      'proactiveDisclosure.extraRows.其他主动公开文件.newlyMade',
      '表二',
      '其他主动公开文件',
      '本年新制作数量',
      '3',
      '',
      '',
    ]);
    expect(rows[25]?.[0]).toBe('applications.newReceived.naturalPerson');
  });

  it("puts the filer's explanations on the rows of the cells they explain, after every other column", () => {
    const paths = ['applications.granted.total', 'applications.granted.naturalPerson'];
    const explanations = [
      { key: `Y3:${paths.join(',')}`, code: 'Y3' as const, paths, text: '本年集中清理历史申请，数量较多' },
      { key: 'C1:text.overview', code: 'C1' as const, paths: ['text.overview'], text: '=沿用上年表述' },
      { key: `S1:${paths[0]}`, code: 'S1' as const, paths: [paths[0] ?? ''], text: '正文为受理数' },
    ];
    const rows = parse(renderReportCsv(buildReport('2021'), explanations));
    expect(rows[0]?.at(-1)).toBe('explanation');
    expect(rows.find((r) => r[0] === paths[0])?.[6]).toBe('本年集中清理历史申请，数量较多；正文为受理数');
    expect(rows.find((r) => r[0] === paths[1])?.[6]).toBe('本年集中清理历史申请，数量较多');
    expect(rows.filter((r) => r[6] !== '' && r[6] !== 'explanation')).toHaveLength(2);
  });

  it('stops Excel from running a note as a formula', () => {
    const report = withNote(buildReport('2021'), 'applications.granted.total', '=HYPERLINK("http://x","点击")');
    const row = parse(renderReportCsv(report)).find((r) => r[0] === 'applications.granted.total');
    expect(row?.[5]).toBe('\'=HYPERLINK("http://x","点击")');
  });
});
