import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '#shared/parse/decode.ts';
import type { Grid } from '#shared/parse/grid.ts';
import { readHtml } from '#shared/parse/html/read-html.ts';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS_23,
  APPLICATION_ROWS_25,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
} from '#shared/report/labels.ts';
import { type Report, ReportSchema } from '#shared/report/model.ts';
import { cellAt } from '#shared/report/paths.ts';
import { allText, gridView, outline, paragraphs, tables } from './grid-view.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/html');

function fixture(name: string) {
  const { text, encoding } = decodeText(readFileSync(join(FIXTURES, `${name}.html`)));
  const expected: Report = ReportSchema.parse(
    JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')),
  );
  return { doc: readHtml(text), encoding, expected };
}

/** A figure as the fixture prints it: the note when there is one, blank for a missing value. */
function printed(report: Report, path: string): string {
  const value = cellAt(report, path);
  return report.cellNotes[path] ?? (value === null || value === undefined ? '' : String(value));
}

function figures(grid: Grid, firstRow: number, firstColumn: number): string[][] {
  return grid.rows.slice(firstRow).map((row) => row.slice(firstColumn).map((cell) => cell.text));
}

function expectedApplications(report: Report): string[][] {
  const rows = report.shapes.applications === '25-row' ? APPLICATION_ROWS_25 : APPLICATION_ROWS_23;
  return rows.map((r) => APPLICANT_COLUMNS.map((c) => printed(report, `applications.${r.key}.${c.key}`)));
}

function expectedReviews(report: Report): string[][] {
  return [
    REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => printed(report, `reviewsAndLawsuits.${g.key}.${c.key}`))),
  ];
}

function column(grid: Grid, index: number): string[] {
  return gridView(grid).map((row) => row[index] ?? '');
}

describe('readHtml on the HTML fixtures', () => {
  it("reads the Word 2021 report's three tables with the template's merged cells", () => {
    const { doc, expected } = fixture('word-2021');
    const [proactive, applications, reviews] = tables(doc) as [Grid, Grid, Grid];
    expect(tables(doc).map((g) => [g.rows.length, g.rows[0]?.length])).toEqual([
      [14, 4],
      [28, 10],
      [4, 15],
    ]);
    expect(gridView(proactive)[6]).toEqual(['行政许可', '1534', '^1534', '^1534']);
    expect(gridView(proactive)[13]).toEqual(['行政事业性收费', '7730.28', '^7730.28', '^7730.28']);
    const header = gridView(applications).slice(0, 3);
    expect(
      header.map((r) => r.slice(0, 3).every((t) => t.endsWith('第一项加第二项之和，等于第三项加第四项之和）'))),
    ).toEqual([true, true, true]);
    expect(header[0]?.[0]?.startsWith('^')).toBe(false);
    expect(header[2]?.slice(3)).toEqual([
      '^自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '^总计',
    ]);
    expect(column(applications, 0).slice(5, 27)).toEqual([
      '三、本年度办理结果',
      ...Array(21).fill('^三、本年度办理结果'),
    ]);
    expect(column(applications, 1).slice(7, 15)).toEqual(['（三）不予公开', ...Array(7).fill('^（三）不予公开')]);
    expect(column(applications, 1).slice(23, 26)).toEqual(['（六）其他处理', '^（六）其他处理', '^（六）其他处理']);
    expect(figures(applications, 3, 3)).toEqual(expectedApplications(expected));
    expect(gridView(reviews)[0]?.slice(4, 6)).toEqual(['^行政复议', '行政诉讼']);
    expect(figures(reviews, 3, 0)).toEqual(expectedReviews(expected));
  });

  it('reads the Word 2021 prose with split runs and list numbering joined', () => {
    const { doc } = fixture('word-2021');
    expect(paragraphs(doc)).toEqual(
      expect.arrayContaining(['一、 总体情况', '二、主动公开政府信息情况', '2022年1月24日']),
    );
    expect(paragraphs(doc)[0]).toBe('青山县交通运输局2021年政府信息公开工作年度报告');
  });

  it('reads the CMS page without any of its chrome and takes the title from the page heading', () => {
    const { doc, expected } = fixture('cms-2022');
    expect(paragraphs(doc)[0]).toBe(expected.title);
    expect(allText(doc)).not.toMatch(
      /0571|3301000031|ICP|1024|999|11330100MB|分享|打印|上一篇|今天是|2021年政府信息|搜索|首页/,
    );
    expect(outline(doc).filter((k) => k === 'table')).toHaveLength(3);
    const [, applications, reviews] = tables(doc) as [Grid, Grid, Grid];
    expect(gridView(applications)[5]?.slice(0, 3)).toEqual(['三、本年度办理结果', '(一)予以公开', '^(一)予以公开']);
    expect(figures(applications, 3, 3)).toEqual(expectedApplications(expected));
    expect(figures(reviews, 3, 0)).toEqual(expectedReviews(expected));
  });

  it('reads the 2019 section 2 spread over five grid columns, with signs, units and a blank', () => {
    const { doc, expected } = fixture('word-2019');
    const [proactive, applications] = tables(doc) as [Grid, Grid];
    const view = gridView(proactive);
    expect(view).toHaveLength(18);
    expect(view[6]).toEqual(['行政许可', '356', '^356', '-11', '2745']);
    expect(view[11]).toEqual(['行政强制', '23', '^23', '', '14']);
    expect(view[14]).toEqual(['行政事业性收费', '13', '^13', '-1', '^-1']);
    expect(view[17]).toEqual(['政府集中采购', '^政府集中采购', '18', '251000元', '^251000元']);
    expect(column(applications, 0).slice(5, 25)).toEqual([
      '三、本年度办理结果',
      ...Array(19).fill('^三、本年度办理结果'),
    ]);
    expect(gridView(applications)[23]?.slice(1, 3)).toEqual(['（六）其他处理', '^（六）其他处理']);
    expect(figures(applications, 3, 3)).toEqual(expectedApplications(expected));
  });

  it('reads the hybrid report out of layout tables, its split section 2 as two tables', () => {
    const { doc, expected } = fixture('hybrid-2023');
    expect(paragraphs(doc)[0]).toBe(expected.title);
    expect(outline(doc).filter((k) => k === 'table')).toHaveLength(4);
    expect(allText(doc)).not.toMatch(/0517|点击数|您现在的位置|网站首页|2022年政府信息/);
    const [first, second, applications] = tables(doc) as [Grid, Grid, Grid];
    expect(gridView(first)[6]).toEqual(['行政许可', '8436', '^8436', '^8436']);
    expect(gridView(second)[2]).toEqual(['行政处罚', '1275']);
    expect(applications.rows).toHaveLength(26);
    expect(figures(applications, 3, 3)).toEqual(expectedApplications(expected));
  });

  it('reads the GB2312 township page once decoded, the title printed once', () => {
    const { doc, encoding, expected } = fixture('gbk-2022');
    expect(encoding).toBe('gb18030');
    expect(paragraphs(doc).filter((p) => p === expected.title)).toHaveLength(1);
    expect(allText(doc)).not.toMatch(/0736|ICP|党政办|通知公告/);
    const [, applications, reviews] = tables(doc) as [Grid, Grid, Grid];
    expect(figures(applications, 3, 3)).toEqual(expectedApplications(expected));
    expect(figures(reviews, 3, 0)).toEqual(expectedReviews(expected));
  });
});
