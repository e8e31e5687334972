import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseReport } from '#shared/parse/parse-report.ts';
import { type Report, ReportSchema } from '#shared/report/model.ts';
import { cellAt, cellRefs } from '#shared/report/paths.ts';
import { goldenReport, SEED, textFixture, textFixtureString } from './fixture-files.ts';

function figures(report: Report): unknown[] {
  return cellRefs(report.shapes).map((ref) => cellAt(report, ref.path));
}

describe('the seed report (韶关市曲江区总工会 2022, tab-indented cells)', () => {
  it('reads exactly the committed golden report, with no findings', async () => {
    const parsed = await parseReport({ bytes: textFixture(SEED), fileName: `${SEED}.txt` });
    expect(parsed.layout).toBe('text/tab-cells');
    expect(parsed.findings).toEqual([]);
    expect(parsed.report).toEqual(goldenReport());
    expect(ReportSchema.safeParse(parsed.report).success).toBe(true);
  });

  it('reads the title, agency, report year, publication date and both table shapes', async () => {
    const { report } = await parseReport({ bytes: textFixture(SEED) });
    expect(report.title).toBe('韶关市曲江区总工会2022年政府信息公开工作年度报告');
    expect(report.agency).toEqual({ name: '韶关市曲江区总工会' });
    expect(report.year).toBe(2022);
    expect(report.publishedOn).toBe('2023-01-06');
    expect(report.format).toBe('2021');
    expect(report.shapes).toEqual({ proactiveDisclosure: '2021', applications: '25-row' });
  });

  it('reads the 25-row table with split header cells and NBSP-padded figures as 200 zeros, none null', async () => {
    const { report } = await parseReport({ bytes: textFixture(SEED) });
    const cells = figures(report);
    expect(cells).toHaveLength(200);
    expect(cells.every((v) => v === 0)).toBe(true);
    expect(report.cellNotes).toEqual({});
  });

  it('keeps the four text parts and leaves the signature and date out of part 六', async () => {
    const { report } = await parseReport({ bytes: textFixture(SEED) });
    expect(report.text.preamble).toMatch(/^根据《中华人民共和国政府信息公开条例》.*六部分组成。$/);
    expect(report.text.overview.split('\n')).toHaveLength(6);
    expect(report.text.overview).toMatch(/^2022年韶关市曲江区总工会坚持/);
    expect(report.text.problemsAndImprovements).toMatch(/^主要问题：.*\n改进措施：.*覆盖面。$/s);
    expect(report.text.otherMatters).toBe(
      '本年度未制发信息处理费收费通知，未发生收取信息处理费的情况。其他需报告事项无。',
    );
  });

  it.each([
    // GBK has no NBSP: a GBK copy of the page holds plain spaces around the figures.
    ['GBK', (text: string) => iconv.encode(text.replaceAll('\u00a0', ' '), 'gbk')],
    ['GB18030', (text: string) => iconv.encode(text, 'gb18030')],
    ['UTF-8 with BOM', (text: string) => iconv.encode(text, 'utf8', { addBOM: true })],
    ['UTF-16 LE with BOM', (text: string) => iconv.encode(text, 'utf16le', { addBOM: true })],
    ['UTF-16 BE with BOM', (text: string) => iconv.encode(text, 'utf16be', { addBOM: true })],
    ['CRLF line ends', (text: string) => iconv.encode(text.replaceAll('\n', '\r\n'), 'utf8')],
  ])('reads the same report from the seed re-encoded as %s', async (_, encode) => {
    const bytes = new Uint8Array(encode(textFixtureString(SEED)));
    const parsed = await parseReport({ bytes });
    expect(parsed.report).toEqual(goldenReport());
    expect(parsed.findings).toEqual([]);
  });
});
