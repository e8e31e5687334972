import { describe, expect, it } from 'vitest';
import type { ArchiveEntry } from '#shared/archive/archive-index.ts';
import { jsonLine, wideColumns, wideRow } from '#shared/archive/dataset-formats.ts';
import type { ReportVersion } from '#shared/filing/records.ts';
import type { Explanation } from '#shared/report/explanations.ts';
import type { Finding } from '#shared/report/findings.ts';
import { renderReportPage } from '#shared/site/report-page.ts';
import { buildReport } from '../../helpers/report-builder.ts';

const HOSTILE = '<script>alert(1)</script>本年新增审批事项较多';
const CELL = 'proactiveDisclosure.licensing.decisions';

const findings: Finding[] = [
  { code: 'Y3', severity: 'warning', paths: [CELL], message: { zh: '变化超过 5 倍', en: 'x5' } },
  { code: 'C1', severity: 'warning', paths: ['text.overview'], message: { zh: '高度重复', en: 'copied' } },
];
const explanations: Explanation[] = [
  { key: `Y3:${CELL}`, code: 'Y3', paths: [CELL], text: HOSTILE },
  { key: 'C1:text.overview', code: 'C1', paths: ['text.overview'], text: '总体情况沿用上年表述，已逐句核对' },
];
const report = buildReport('2021', 2022);

const version: ReportVersion = {
  agencyId: 'demo-bureau',
  year: 2022,
  version: 1,
  submissionId: 's1',
  sha256: '0'.repeat(64),
  original: { key: 'originals/x', contentType: 'application/pdf', fileName: null, sizeBytes: 1 },
  canonicalKey: 'reports/demo-bureau/2022/v1.json',
  acceptedAt: '2023-01-06T02:15:30.000Z',
  publishedOn: '2023-01-06',
  amendmentReason: null,
  imported: false,
  hasErrors: false,
  warningCount: 2,
  explanations,
};

describe("a filer's explanations on the public page and in the datasets", () => {
  const html = renderReportPage({
    report,
    agencyId: 'demo-bureau',
    agencyName: '示范市示范局',
    shown: version,
    history: [{ version, changes: null }],
    findings,
    isCurrentPage: true,
    originalExtension: 'pdf',
  });

  it('prints each explanation, escaped, in the finding its cell describes itself by, with the rule grade', () => {
    expect(html).not.toContain('<script>alert(1)');
    const cell = html.match(new RegExp(`<td [^>]*data-path="${CELL}"[^>]*>.*?</td>`))?.[0] ?? '';
    expect(cell).toContain('aria-describedby="finding-1"');
    expect(cell).toContain('<a class="cell-explained" href="#finding-1">有说明</a>');
    const item = html.match(/<li id="finding-1"[^>]*>.*?<\/li>/)?.[0] ?? '';
    expect(item).toContain('<span class="finding__grade">核实性</span>');
    expect(item).toContain(
      '<p class="finding__explanation"><strong>报送机关说明：</strong>&lt;script&gt;alert(1)&lt;/script&gt;本年新增审批事项较多</p>',
    );
    expect(html).toMatch(/<li id="finding-2"[^>]*>.*高度重复.*总体情况沿用上年表述，已逐句核对<\/p><\/li>/);
    expect(html).toContain('自动检查发现0个错误、2个警告，其中2个警告已由报送机关说明理由');
    expect(html).toContain('href="/reports/demo-bureau/2022/findings.json"');
  });

  it('adds them to the year datasets after every existing column', () => {
    const region = { code: '440205', name: '曲江区' };
    const entry = {
      year: 2022,
      agencyId: 'demo-bureau',
      agencyName: '示范市示范局',
      title: report.title,
      version: 1,
      path: [region, region, region],
      firstAcceptedAt: version.acceptedAt,
      filedOn: '2023-01-06',
      acceptedAt: version.acceptedAt,
      publishedOn: '2023-01-06',
      canonicalKey: version.canonicalKey,
      totals: { received: 0, processed: 0, granted: 0, reviews: 0, lawsuits: 0 },
      hasErrors: false,
      warningCount: 2,
      explanations,
    } as unknown as ArchiveEntry;
    expect(wideColumns().at(-1)?.name).toBe('explanations');
    expect(wideRow(entry, report).at(-1)).toBe(
      `Y3 表二 › 第二十条第（五）项 › 行政许可 › 本年处理决定数量：${HOSTILE}\nC1 一、总体情况：总体情况沿用上年表述，已逐句核对`,
    );
    expect(JSON.parse(jsonLine(entry, report)).explanations).toEqual(explanations);
    expect(wideRow({ ...entry, explanations: undefined }, report).at(-1)).toBeNull();
  });
});
