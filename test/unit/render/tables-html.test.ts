import { describe, expect, it } from 'vitest';
import { escapeHtml } from '#shared/render/escape-html.ts';
import { renderReportTables } from '#shared/render/tables-html/render-tables.ts';
import { cellRefs } from '#shared/report/paths.ts';
import { validateReport } from '#shared/validate/validate-report.ts';
import { buildReport, modified, withCell, withNote } from '../../helpers/report-builder.ts';
import { attr, elements, parseStrict, rowWidths, spanCount, text } from './html-table-grid.ts';

const tablesOf = (html: string) => elements(parseStrict(html), 'table');

describe('renderReportTables', () => {
  it.each([
    // shape, [rowspans, colspans, grid width] per table
    [
      '2021',
      [
        [0, 11, 4],
        [8, 9, 10],
        [5, 4, 15],
      ],
    ],
    [
      '2019',
      [
        [0, 9, 4],
        [7, 10, 10],
        [5, 4, 15],
      ],
    ],
    [
      'hybrid',
      [
        [0, 11, 4],
        [7, 10, 10],
        [5, 4, 15],
      ],
    ],
  ] as const)('reproduces the merged cells of the %s template in well-formed HTML', (shape, expected) => {
    const tables = tablesOf(renderReportTables(buildReport(shape)));
    expect(tables).toHaveLength(3);
    tables.forEach((table, i) => {
      const [rowspans, colspans, width] = expected[i] ?? [];
      expect(spanCount(table, 'rowspan')).toBe(rowspans);
      expect(spanCount(table, 'colspan')).toBe(colspans);
      expect(new Set(rowWidths(table))).toEqual(new Set([width]));
    });
  });

  it('spans 三、本年度办理结果 over every result row and the total', () => {
    for (const [shape, rows] of [
      ['2021', '22'],
      ['2019', '20'],
    ] as const) {
      const cell = elements(parseStrict(renderReportTables(buildReport(shape))), 'th').find(
        (th) => text(th) === '三、本年度办理结果',
      );
      expect(cell && attr(cell, 'rowspan')).toBe(rows);
    }
  });

  it('gives every value cell its path as id and data-path, with a caption per table', () => {
    const report = buildReport('2021');
    const fragment = parseStrict(renderReportTables(report, { idPrefix: 'r1-' }));
    const cells = elements(fragment, 'td').filter((td) => attr(td, 'data-path') !== undefined);
    expect(cells.map((td) => attr(td, 'data-path'))).toEqual(cellRefs(report.shapes).map((r) => r.path));
    expect(cells.every((td) => attr(td, 'id') === `r1-${attr(td, 'data-path')}`)).toBe(true);
    expect(elements(fragment, 'caption').map(text)).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    expect(elements(fragment, 'th').every((th) => attr(th, 'scope') !== undefined)).toBe(true);
  });

  it('shows a missing cell as its printed placeholder or a dash, with a hidden 缺失', () => {
    let report = withNote(
      withCell(buildReport('2021'), 'applications.granted.total', null),
      'applications.granted.total',
      '/',
    );
    report = withCell(report, 'reviewsAndLawsuits.review.total', null);
    const cells = elements(parseStrict(renderReportTables(report)), 'td');
    const byPath = (p: string) => cells.find((td) => attr(td, 'data-path') === p);
    expect(text(byPath('applications.granted.total') ?? cells[0]!)).toBe('/缺失');
    expect(text(byPath('reviewsAndLawsuits.review.total') ?? cells[0]!)).toBe('—缺失');
    expect(attr(byPath('reviewsAndLawsuits.review.total') ?? cells[0]!, 'class')).toContain('cell--missing');
  });

  it('marks failing cells and ties them to the finding text', () => {
    const report = withCell(buildReport('2021'), 'reviewsAndLawsuits.litigationDirect.total', 0);
    const findings = validateReport(report);
    const fragment = parseStrict(renderReportTables(report, { findings }));
    const cell = elements(fragment, 'td').find(
      (td) => attr(td, 'data-path') === 'reviewsAndLawsuits.litigationDirect.total',
    );
    expect(attr(cell ?? elements(fragment, 'td')[0]!, 'class')).toContain('cell--error');
    const ids = (cell && attr(cell, 'aria-describedby'))?.split(' ') ?? [];
    expect(ids.length).toBeGreaterThan(0);
    const described = ids.map((id) => elements(fragment).find((e) => attr(e, 'id') === id));
    expect(described.map((e) => e && text(e)).join(' ')).toContain('表四 › 行政诉讼 › 未经复议直接起诉 › 总计（0）');
  });

  it('marks a warning-only cell as a warning and lists nothing when the page lists findings itself', () => {
    const report = withCell(buildReport('2021'), 'proactiveDisclosure.adminFees.amountWanYuan', 500_000);
    const findings = validateReport(report, { agencyKind: 'department' });
    const html = renderReportTables(report, { findings, listFindings: false });
    const cell = elements(parseStrict(html), 'td').find(
      (td) => attr(td, 'data-path') === 'proactiveDisclosure.adminFees.amountWanYuan',
    );
    expect(cell && attr(cell, 'class')).toBe('cell cell--warning');
    expect(cell && attr(cell, 'aria-describedby')).toBe('finding-1');
    expect(elements(parseStrict(html), 'ol')).toEqual([]);
  });

  it('escapes hostile notes, extra-row labels and finding messages', () => {
    const hostile = '<script>alert("x")</script>" onmouseover="alert(1)';
    const missing = withCell(buildReport('2019'), 'applications.granted.total', null);
    const report = modified(withNote(missing, 'applications.granted.total', hostile), (r) => {
      r.proactiveDisclosure.extraRows = { [hostile]: { newlyMade: 1, newlyPublished: 1, totalPublished: 2 } };
    });
    const html = renderReportTables(report, { findings: validateReport(report) });
    const fragment = parseStrict(html);
    expect(elements(fragment, 'script')).toEqual([]);
    expect(elements(fragment).some((e) => e.attrs.some((a) => a.name === 'onmouseover'))).toBe(false);
    expect(elements(fragment, 'th').some((th) => text(th) === hostile)).toBe(true);
    expect(elements(fragment, 'li').some((li) => text(li).includes(`原文为“${hostile}”`))).toBe(true);
    expect(elements(fragment, 'td').some((td) => text(td) === `${hostile}缺失`)).toBe(true);
  });
});

describe('escapeHtml', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`A&B "局" <script>'x'`)).toBe('A&amp;B &quot;局&quot; &lt;script&gt;&#39;x&#39;');
  });
});
