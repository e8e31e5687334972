import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '#shared/parse/parse-report.ts';
import { type Report, ReportSchema } from '#shared/report/model.ts';
import { cellAt, cellRefs } from '#shared/report/paths.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/html');

/** Every table cell by its path, so a mismatch names the exact cells. */
function cellsOf(report: Report): Record<string, unknown> {
  return Object.fromEntries(cellRefs(report.shapes).map((ref) => [ref.path, cellAt(report, ref.path)]));
}

async function parseFixture(name: string) {
  const bytes = readFileSync(join(FIXTURES, `${name}.html`));
  const expected = ReportSchema.parse(JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')));
  const parsed = await parseReport({
    bytes: new Uint8Array(bytes),
    fileName: `${name}.html`,
    contentType: 'text/html',
  });
  return { ...parsed, expected };
}

const CASES = [
  ['word-2021', 'a Word 2021-format report saved as a web page'],
  ['cms-2022', 'a 2021-format report inside a CMS page with site chrome'],
  ['word-2019', 'a 2019-format Word report with signed changes, a unit in a cell and a blank cell'],
  ['hybrid-2023', 'a hybrid report (2021 section 2, 23-row section 3) on a table-layout portal'],
  ['gbk-2022', 'a township report served as GB2312'],
] as const;

describe.each(CASES)('parseReport on %s (%s)', (name) => {
  it('reads every table cell as the fixture prints it, with nothing left unread', async () => {
    const { report, expected, layout, findings } = await parseFixture(name);
    expect(layout).toBe('html');
    expect(findings).toEqual([]);
    expect(report.shapes).toEqual(expected.shapes);
    expect(cellsOf(report)).toEqual(cellsOf(expected));
    expect(report.cellNotes).toEqual(expected.cellNotes);
  });

  it('reads the title, agency, year, format and publication date', async () => {
    const { report, expected } = await parseFixture(name);
    expect({
      title: report.title,
      agency: report.agency,
      year: report.year,
      format: report.format,
      publishedOn: report.publishedOn,
    }).toEqual({
      title: expected.title,
      agency: expected.agency,
      year: expected.year,
      format: expected.format,
      publishedOn: expected.publishedOn,
    });
  });

  it('reads the four text parts without page chrome', async () => {
    const { report, expected } = await parseFixture(name);
    expect(report.text).toEqual(expected.text);
  });

  it('yields a schema-valid report', async () => {
    const { report } = await parseFixture(name);
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });
});
