import { describe, expect, it } from 'vitest';
import { parseAgencyCsv } from '#cli/agency-csv.ts';
import { parseCsvRecords } from '#cli/csv-records.ts';
import { CliFailure } from '#cli/failure.ts';
import { loadDivisions } from '#shared/registry/divisions/load-divisions.ts';

const divisions = await loadDivisions();

const HEADER = 'id,name,kind,region,supervisorId,contactEmails,deadlineOverride';
const parseAgencyCsvText = (text: string) => parseAgencyCsv(text, divisions);

describe('parseCsvRecords', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const records = parseCsvRecords('a,"b, c","say ""hi"""\r\n"two\nlines",x,\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b, c', 'say "hi"'] },
      { line: 2, fields: ['two\nlines', 'x', ''] },
    ]);
  });

  it('drops a BOM and blank lines and numbers records by their first line', () => {
    const records = parseCsvRecords('\uFEFFh1,h2\n\nv1,v2');
    expect(records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 3, fields: ['v1', 'v2'] },
    ]);
  });
});

describe('parseAgencyCsv', () => {
  it('reads agencies with optional columns, splitting e-mails on semicolons', () => {
    const lines = parseAgencyCsvText(
      `${HEADER}\nqujiang-zgh,韶关市曲江区总工会,department,440205,qujiang,a@qj.gov.cn; b@qj.gov.cn,02-15\n` +
        'qujiang,韶关市曲江区人民政府,government,440205,,,\n',
    );
    expect(lines).toEqual([
      {
        line: 2,
        ok: true,
        agency: {
          id: 'qujiang-zgh',
          name: '韶关市曲江区总工会',
          kind: 'department',
          regionCode: '440205',
          region: '广东省韶关市曲江区',
          creditCode: null,
          supervisorId: 'qujiang',
          aliases: [],
          contactEmails: ['a@qj.gov.cn', 'b@qj.gov.cn'],
          deadlineOverride: '02-15',
        },
        supervisorNamed: true,
      },
      {
        line: 3,
        ok: true,
        agency: {
          id: 'qujiang',
          name: '韶关市曲江区人民政府',
          kind: 'government',
          regionCode: '440205',
          region: '广东省韶关市曲江区',
          creditCode: null,
          supervisorId: null,
          aliases: [],
          contactEmails: [],
          deadlineOverride: null,
        },
        supervisorNamed: false,
      },
    ]);
  });

  it('accepts the columns in any order and without the optional ones', () => {
    const [line] = parseAgencyCsvText('region,kind,name,id\n440205,township,马坝镇人民政府,maba\n');
    expect(line).toMatchObject({ ok: true, agency: { id: 'maba', kind: 'township', supervisorId: null } });
  });

  it('reports what is wrong with a line and keeps going', () => {
    const lines = parseAgencyCsvText(
      `${HEADER}\nBad Id,某局,bureau,440205,,not-an-email,13-40\nok-id,某局,other,440205,,,\n`,
    );
    expect(lines[0]).toMatchObject({ line: 2, ok: false, id: 'Bad Id' });
    const problem = lines[0]?.ok === false ? lines[0].problem : '';
    expect(problem).toContain('id:');
    expect(problem).toContain('kind:');
    expect(problem).toContain('contactEmails.0:');
    expect(problem).toContain('deadlineOverride:');
    expect(lines[1]).toMatchObject({ line: 3, ok: true });
  });

  it('resolves the short forms people write to one division code each', () => {
    const lines = parseAgencyCsvText(
      'id,name,kind,region,aliases\n' +
        'hongze,淮安市洪泽区人民政府,government,洪泽区,洪泽区人民政府;洪泽区政府\n' +
        'hongze-2,某局,department,淮安市洪泽区,\n' +
        'hongze-3,某局,department,江苏省淮安市洪泽区,\n' +
        'maba,马坝镇人民政府,township,曲江区马坝镇,\n',
    );
    expect(lines.map((l) => (l.ok ? l.agency.regionCode : l.problem))).toEqual([
      '320813',
      '320813',
      '320813',
      '440205100',
    ]);
    expect(lines[0]).toMatchObject({ agency: { aliases: ['洪泽区人民政府', '洪泽区政府'] } });
  });

  it('names the line of a region that does not resolve, an ambiguous one, and a repeated id', () => {
    const lines = parseAgencyCsvText(
      'id,name,kind,region\nok-1,某局,department,洪泽区\nmars,某局,department,火星市\nchaoyang,某局,department,朝阳区\nok-1,某局,other,洪泽区\n',
    );
    expect(lines.map((l) => [l.line, l.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, false],
    ]);
    const problems = lines.map((l) => (l.ok ? '' : l.problem));
    expect(problems[1]).toContain('火星市');
    expect(problems[2]).toContain('北京市朝阳区（110105）');
    expect(problems[3]).toContain('repeats line 2');
  });

  it('refuses a header with an unknown or a missing column', () => {
    expect(() => parseAgencyCsvText('id,name,kind,region,phone\n')).toThrow(CliFailure);
    expect(() => parseAgencyCsvText('id,name,kind\n')).toThrow(/lacks region/);
    expect(() => parseAgencyCsvText('')).toThrow(/empty/);
  });
});
