/** How the assembler finds the parts, the metadata and the rows when real reports vary the seed's form. */
import { describe, expect, it } from 'vitest';
import { type ParsedReport, parseReport } from '#shared/parse/parse-report.ts';
import { goldenReport, SEED, textFixtureString } from './fixture-files.ts';

async function parseText(text: string): Promise<ParsedReport> {
  return parseReport({ bytes: new TextEncoder().encode(text) });
}

function seedWith(...edits: [string | RegExp, string][]): string {
  let text = textFixtureString(SEED);
  for (const [from, to] of edits) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`edit did not apply: ${from}`);
    text = next;
  }
  return text;
}

describe('part headings', () => {
  it('finds parts whose titles vary from the template', async () => {
    const { report, findings } = await parseText(
      seedWith(
        ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况'],
        ['五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及整改措施'],
        ['六、其他需要报告的事项', '六、其他事项'],
      ),
    );
    expect(findings).toEqual([]);
    expect(report).toEqual(goldenReport());
  });

  it('finds parts numbered "(二)" with half-width brackets, not the sub-headings of 总体情况', async () => {
    const { report, findings } = await parseText(
      seedWith(
        ['\n二、主动公开政府信息情况\n', '\n(二)主动公开政府信息情况\n'],
        ['\n三、收到和处理政府信息公开申请情况\n', '\n(三)收到和处理政府信息公开申请情况\n'],
      ),
    );
    expect(findings).toEqual([]);
    expect(report).toEqual(goldenReport());
  });

  it('reports a missing part heading as H7 at text.<part> and keeps reading the tables', async () => {
    const { report, findings } = await parseText(seedWith(['五、存在的主要问题及改进情况\n', '']));
    expect(findings.map((f) => [f.code, f.paths])).toEqual([['H7', ['text.problemsAndImprovements']]]);
    expect(report.text.problemsAndImprovements).toBe('');
    expect(report.applications).toEqual(goldenReport().applications);
    expect(report.reviewsAndLawsuits).toEqual(goldenReport().reviewsAndLawsuits);
  });

  it('finds table 三 by its rows when its heading is missing', async () => {
    const { report, findings } = await parseText(seedWith(['三、收到和处理政府信息公开申请情况\n', '']));
    expect(findings).toEqual([]);
    expect(report.proactiveDisclosure).toEqual(goldenReport().proactiveDisclosure);
    expect(report.proactiveDisclosure).not.toHaveProperty('extraRows');
    expect(report.applications).toEqual(goldenReport().applications);
  });
});

describe('metadata', () => {
  it('reads the agency from a title that starts with the year', async () => {
    const { report } = await parseText(
      seedWith([
        '韶关市曲江区总工会2022年政府信息公开工作年度报告',
        '2022年度韶关市曲江区总工会政府信息公开工作年度报告',
      ]),
    );
    expect(report.agency.name).toBe('韶关市曲江区总工会');
    expect(report.year).toBe(2022);
  });

  it('joins a title printed over two lines, the agency above the year', async () => {
    const { report } = await parseText(
      seedWith([
        '韶关市曲江区总工会2022年政府信息公开工作年度报告',
        '韶关市曲江区总工会\n2022年政府信息公开工作年度报告',
      ]),
    );
    expect(report.title).toBe('韶关市曲江区总工会2022年政府信息公开工作年度报告');
    expect(report.agency.name).toBe('韶关市曲江区总工会');
    expect(report.text.preamble).toBe(goldenReport().text.preamble);
  });

  it('reads a date written in Chinese numerals', async () => {
    const { report } = await parseText(seedWith(['2023年1月6日', '二〇二三年一月六日']));
    expect(report.publishedOn).toBe('2023-01-06');
    expect(report.text.otherMatters).toBe(goldenReport().text.otherMatters);
  });

  it('leaves the publication date null when none is printed, and still drops the signature', async () => {
    const { report } = await parseText(seedWith(['2023年1月6日', '']));
    expect(report.publishedOn).toBeNull();
    expect(report.text.otherMatters).toBe(goldenReport().text.otherMatters);
  });

  it('takes the agency from the signature when the title does not name it', async () => {
    const { report, findings } = await parseText(
      seedWith(['韶关市曲江区总工会2022年政府信息公开工作年度报告', '2022年政府信息公开工作年度报告']),
    );
    expect(report.agency.name).toBe('韶关市曲江区总工会');
    expect(findings).toEqual([]);
  });

  it('takes the report year from the title, not from the publication date', async () => {
    const { report } = await parseText(seedWith(['2023年1月6日', '2024年3月1日']));
    expect(report.year).toBe(2022);
    expect(report.publishedOn).toBe('2024-03-01');
  });
});

describe('tables without figures', () => {
  it('leaves every cell of an absent table null and leaves reporting it to the validator', async () => {
    const { report, findings } = await parseText(
      seedWith([/四、政府信息公开行政复议、行政诉讼情况\n[\s\S]*?\n五、/, '五、']),
    );
    expect(findings.map((f) => f.paths)).toEqual([]);
    expect(Object.values(report.reviewsAndLawsuits).flatMap((g) => Object.values(g))).toEqual(Array(15).fill(null));
    expect(report.text.problemsAndImprovements).toBe(goldenReport().text.problemsAndImprovements);
  });

  it('reads a table printed with its labels but no numbers as all null, without notes', async () => {
    const { report, findings } = await parseText(seedWith([/^\t\u00a0?0\u00a0?$/gm, '\t']));
    expect(findings).toEqual([]);
    const cells = [report.proactiveDisclosure, report.applications, report.reviewsAndLawsuits].flatMap((t) =>
      Object.values(t).flatMap((row) => Object.values(row as Record<string, unknown>)),
    );
    expect(cells).toHaveLength(200);
    expect(cells.every((v) => v === null)).toBe(true);
    expect(report.cellNotes).toEqual({});
    expect(report.shapes).toEqual({ proactiveDisclosure: '2021', applications: '25-row' });
  });
});

describe('rows that do not fit', () => {
  it('reads a row missing its last cell as H7 with that row null, leaving its neighbours intact', async () => {
    const { report, findings } = await parseText(seedWith([/(\t1\.属于国家秘密\n(?:\t.*\n){6})\t.*\n/, '$1']));
    const paths = Object.keys(goldenReport().applications.newReceived).map(
      (c) => `applications.deniedStateSecret.${c}`,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'H7', severity: 'error', paths, expected: 7, actual: 6 });
    expect(findings[0]?.message.zh).toContain('表三 › （三）不予公开 › 1.属于国家秘密');
    expect(Object.values(report.applications.deniedStateSecret)).toEqual(Array(7).fill(null));
    expect(report.applications.partiallyGranted).toEqual(goldenReport().applications.partiallyGranted);
    expect(report.applications.deniedLawProhibited).toEqual(goldenReport().applications.deniedLawProhibited);
  });

  it('reads table 四 printed with a figure missing as H7 on all 15 cells, never shifted', async () => {
    const { report, findings } = await parseText(seedWith([/\t0\n\t0\n\n\n五、/, '\t0\n\n\n五、']));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.paths).toHaveLength(15);
    expect(Object.values(report.reviewsAndLawsuits).flatMap((g) => Object.values(g))).toEqual(Array(15).fill(null));
  });
});
