import { describe, expect, it } from 'vitest';
import type { Grid } from '#shared/parse/grid.ts';
import { readPdf } from '#shared/parse/pdf/read-pdf.ts';
import { APPLICATION_ROWS_23, APPLICATION_ROWS_25, type RowLabel } from '#shared/report/labels.ts';
import { expectationOf, figureRowsOf, SAMPLE_NAMES, samplePdf } from './sample-figures.ts';

const reads = new Map<string, ReturnType<typeof readPdf>>();

async function readSample(name: string) {
  const read = reads.get(name) ?? readPdf(samplePdf(name));
  reads.set(name, read);
  const doc = await read;
  const tables = doc.blocks.flatMap((b): Grid[] => (b.kind === 'table' ? [b.grid] : []));
  const paragraphs = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  return { doc, tables, paragraphs };
}

function matchesKeywords(label: string, row: RowLabel): boolean {
  return row.keywords.some((alternative) => alternative.every((k) => label.includes(k)));
}

describe.each(SAMPLE_NAMES)('readPdf on %s', (name) => {
  const expected = expectationOf(name);

  it('finds the three tables between the part headings, in reading order', async () => {
    const { doc, tables } = await readSample(name);
    expect(tables).toHaveLength(3);
    const kinds = doc.blocks.map((b) => (b.kind === 'table' ? 'table' : b.text));
    const at = (text: string) => kinds.findIndex((k) => k !== 'table' && k.startsWith(text));
    expect(kinds[at('二、主动公开政府信息情况') + 1]).toBe('table');
    expect(kinds[at('三、收到和处理政府信息公开申请情况') + 1]).toBe('table');
    expect(kinds[at('四、政府信息公开行政复议、行政诉讼情况') + 1]).toBe('table');
  });

  it('reads every figure of section 2 in row order, one sub-table after another', async () => {
    const { tables } = await readSample(name);
    const rows = figureRowsOf(tables[0] as Grid);
    expect(rows.map((r) => r.figures)).toEqual(Object.values(expected.proactiveDisclosure));
    expect(rows.map((r) => r.labels.at(-1))).toEqual([
      '规章',
      '行政规范性文件',
      '行政许可',
      '行政处罚',
      '行政强制',
      '行政事业性收费',
    ]);
  });

  it('reads every row of section 3 with its own label and seven figures', async () => {
    const { tables } = await readSample(name);
    const rows = figureRowsOf(tables[1] as Grid);
    const template = expected.shapes.applications === '25-row' ? APPLICATION_ROWS_25 : APPLICATION_ROWS_23;
    expect(rows.map((r) => r.figures)).toEqual(Object.values(expected.applications));
    rows.forEach((row, i) => {
      const label = template[i] as RowLabel;
      expect(matchesKeywords(row.labels.at(-1) ?? '', label), `${label.key}: ${row.labels.join(' › ')}`).toBe(true);
    });
  });

  it('reads section 4 as one row of fifteen figures under its three header rows', async () => {
    const { tables } = await readSample(name);
    const grid = tables[2] as Grid;
    expect(figureRowsOf(grid).map((r) => r.figures)).toEqual([Object.values(expected.reviewsAndLawsuits).flat()]);
    const header = grid.rows.map((row) => row.map((c) => c.text).join('|'));
    expect(header.some((h) => h.includes('行政复议') && h.includes('行政诉讼'))).toBe(true);
    expect(header.some((h) => h.split('|').filter((c) => c === '结果维持').length === 3)).toBe(true);
  });

  it('keeps the title and the part headings as paragraphs of their own, without page numbers', async () => {
    const { paragraphs } = await readSample(name);
    expect(paragraphs[0]).toBe(expected.title);
    for (const heading of ['一、总体情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(paragraphs).toContain(heading);
    }
    expect(paragraphs.some((p) => /^-\s*\d+\s*-$/.test(p))).toBe(false);
  });
});

describe('readPdf on the 淮安市 2024 report', () => {
  it('rebuilds the merged group cells of section 3 as the template merges them', async () => {
    const { tables } = await readSample('2024-huaian-city-government');
    const rows = (tables[1] as Grid).rows;
    const origins = rows.flatMap((row) => row.filter((c) => !c.spanned && c.text !== '').map((c) => c.text));
    expect(origins).toContain('三、本年度办理结果');
    expect(origins).toContain('（三）不予公开');
    // Split by the page break: "（四）无" ends page 4, "法提供" starts page 5.
    expect(origins).toContain('（四）无法提供');
    expect(origins).toContain('（六）其他处理');
    expect(origins).toContain('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(origins).toContain('5.要求行政机关确认或重新出具已获取信息');
    expect(rows.every((row) => row.length === 10)).toBe(true);
  });

  it('joins header words that the PDF spaces out', async () => {
    const { tables } = await readSample('2024-huaian-city-government');
    const texts = (tables[1] as Grid).rows.flat().map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['商业企业', '科研机构', '社会公益组织', '法律服务机构']));
  });

  it('joins paragraphs that continue across a page break', async () => {
    const { paragraphs } = await readSample('2024-huaian-city-government');
    expect(paragraphs.some((p) => p.includes('“建设‘四最’一流营商环境高质量推进产业发展”'))).toBe(true);
  });
});
