import { describe, expect, it } from 'vitest';
import { parseAgencyCsv } from '#infra/cli/agency-csv.ts';
import { parseCsvRecords } from '#infra/cli/csv-records.ts';
import { CliFailure } from '#infra/cli/failure.ts';

const HEADER = 'id,name,kind,region,supervisorId,contactEmails,deadlineOverride';

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
    const lines = parseAgencyCsv(
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
          region: '440205',
          supervisorId: 'qujiang',
          contactEmails: ['a@qj.gov.cn', 'b@qj.gov.cn'],
          deadlineOverride: '02-15',
        },
      },
      {
        line: 3,
        ok: true,
        agency: {
          id: 'qujiang',
          name: '韶关市曲江区人民政府',
          kind: 'government',
          region: '440205',
          supervisorId: null,
          contactEmails: [],
          deadlineOverride: null,
        },
      },
    ]);
  });

  it('accepts the columns in any order and without the optional ones', () => {
    const [line] = parseAgencyCsv('region,kind,name,id\n440205,township,马坝镇人民政府,maba\n');
    expect(line).toMatchObject({ ok: true, agency: { id: 'maba', kind: 'township', supervisorId: null } });
  });

  it('reports what is wrong with a line and keeps going', () => {
    const lines = parseAgencyCsv(
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

  it('refuses a header with an unknown or a missing column', () => {
    expect(() => parseAgencyCsv('id,name,kind,region,phone\n')).toThrow(CliFailure);
    expect(() => parseAgencyCsv('id,name,kind\n')).toThrow(/lacks region/);
    expect(() => parseAgencyCsv('')).toThrow(/empty/);
  });
});
