import { describe, expect, it } from 'vitest';
import { LONG_CSV_HEADER, longCsvRecords } from '#shared/archive/dataset-formats.ts';
import { regionPathOf, shardOf } from '#shared/archive/regions.ts';
import { parseDeadlineConfig } from '#shared/deadlines/config.ts';
import type { ReportVersion } from '#shared/filing/records.ts';
import type { Finding } from '#shared/report/findings.ts';
import { renderAtomFeed } from '#shared/site/atom-feed.ts';
import { agencyYearStatus } from '#shared/site/filing-status-view.ts';
import { renderHomePage } from '#shared/site/home-page.ts';
import { renderReportPage } from '#shared/site/report-page.ts';
import { bigrams, buildSearchShard, SHORT_FORMS, searchShard } from '#shared/site/search-index.ts';
import { readSiteAsset } from '#shared/site/site-assets.ts';
import { SEARCH_SCRIPT_URL, siteKey } from '#shared/site/site-paths.ts';
import { buildReport, modified } from '../../helpers/report-builder.ts';
import { agencyOf } from './site-world.ts';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

const version = (n: number, over: Partial<ReportVersion> = {}): ReportVersion => ({
  agencyId: 'demo-bureau',
  year: 2022,
  version: n,
  submissionId: `s${n}`,
  sha256: '0'.repeat(64),
  original: { key: 'originals/x', contentType: 'application/pdf', fileName: null, sizeBytes: 1 },
  canonicalKey: `reports/demo-bureau/2022/v${n}.json`,
  acceptedAt: '2023-01-06T02:15:30.000Z',
  publishedOn: '2023-01-06',
  amendmentReason: null,
  imported: false,
  hasErrors: false,
  warningCount: 0,
  ...over,
});

function reportPage(findings: Finding[] = [], agencyName = '示范市示范局') {
  const report = buildReport('2021', 2022);
  return renderReportPage({
    report,
    agencyId: 'demo-bureau',
    agencyName,
    shown: version(1),
    history: [{ version: version(1), changes: null }],
    findings,
    isCurrentPage: true,
    originalExtension: 'pdf',
  });
}

describe('the report page', () => {
  it('prints the six parts in template order with the three official tables', () => {
    const html = reportPage();
    const order = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ];
    const positions = order.map((heading) => html.indexOf(heading));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('href="/reports/demo-bureau/2022/original.pdf"');
    expect(html).toContain('<a class="skip-link" href="#main">');
  });

  it('marks the cell of a finding and ties it to the finding text', () => {
    const finding: Finding = {
      code: 'H1',
      severity: 'error',
      paths: ['applications.granted.total'],
      message: { zh: '合计不符', en: 'total mismatch' },
    };
    const html = reportPage([finding]);
    expect(html).toMatch(
      /data-path="applications\.granted\.total" class="cell cell--error" aria-describedby="finding-1"/,
    );
    expect(html).toContain('id="finding-1"');
    expect(html).toContain('自动检查发现1个错误、0个警告');
  });

  it('prints hostile agency names and report text as text', () => {
    const html = renderReportPage({
      report: modified(buildReport('2021', 2022), (r) => {
        r.title = HOSTILE;
        r.text.overview = HOSTILE;
      }),
      agencyId: 'demo-bureau',
      agencyName: HOSTILE,
      shown: version(1, { amendmentReason: HOSTILE }),
      history: [{ version: version(1, { amendmentReason: HOSTILE }), changes: null }],
      findings: [],
      isCurrentPage: true,
      originalExtension: 'pdf',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the home page and feed', () => {
  it('lists regions for readers without script and escapes what it prints', () => {
    const recent = [
      {
        agencyId: 'x',
        agencyName: HOSTILE,
        year: 2022,
        version: 1,
        title: HOSTILE,
        acceptedAt: '2023-01-06T02:15:30.000Z',
        amendmentReason: null,
      },
    ];
    const html = renderHomePage({ years: [2022], recent, regions: [{ code: 'p1', name: HOSTILE }] });
    expect(html).toContain('href="/regions/p1/"');
    expect(html).not.toContain('<img');
    const feed = renderAtomFeed(recent, 'https://gongkai.example');
    expect(feed).toContain('<id>https://gongkai.example/reports/x/2022/v1/</id>');
    expect(feed).not.toContain('<script>');
  });
});

describe('search', () => {
  it('finds an agency by any two adjacent characters of its name, or by one character', () => {
    const docs = [
      { agencyId: 'a', agencyName: '韶关市曲江区总工会', title: '报告' },
      { agencyId: 'b', agencyName: '示范市示范局', title: '报告' },
    ];
    const shard = buildSearchShard(2022, docs);
    expect(searchShard(shard, '曲江').map((d) => d.u)).toEqual(['/reports/a/2022/']);
    expect(searchShard(shard, '总工会').map((d) => d.n)).toEqual(['韶关市曲江区总工会']);
    expect(searchShard(shard, '韶').map((d) => d.u)).toEqual(['/reports/a/2022/']);
    expect(searchShard(shard, '江苏')).toEqual([]);
    expect(bigrams('曲 江，区')).toEqual(['曲江', '江区']);
  });

  it('finds an official name by its short form and a short-form name by the official one', () => {
    const docs = [
      { agencyId: 'hongze', agencyName: '淮安市洪泽区人民政府', title: '报告' },
      { agencyId: 'office', agencyName: '示范县政府办公室', title: '报告' },
      { agencyId: 'hr', agencyName: '示范市人力资源和社会保障局', title: '报告' },
      { agencyId: 'people', agencyName: '示范市人民医院', title: '报告' },
    ];
    const shard = buildSearchShard(2024, docs);
    const ids = (q: string) => searchShard(shard, q).map((d) => d.u.split('/')[2]);
    expect(ids('洪泽区政府')).toEqual(['hongze']);
    expect(ids('洪泽区人民政府')).toEqual(['hongze']);
    expect(ids('示范县人民政府')).toEqual(['office']);
    expect(ids('示范县政府')).toEqual(['office']);
    expect(ids('人社局')).toEqual(['hr']);
    expect(ids('人民')).toEqual(['hongze', 'people']);
    expect(ids('局')).toEqual(['hr']);
    expect(ids('区政府办')).toEqual([]);
  });

  it('carries the same short forms in the search script', async () => {
    expect(await readSiteAsset(SEARCH_SCRIPT_URL)).toContain(JSON.stringify(SHORT_FORMS));
  });
});

describe('datasets', () => {
  it('puts agencyId and year before the per-cell rows of each report', () => {
    const report = buildReport('2021', 2022);
    const entry = {
      year: 2022,
      agencyId: 'demo-bureau',
      agencyName: '示范市示范局',
      title: '',
      version: 1,
      path: [...regionPathOf({ region: '韶关市曲江区' })] as const,
      firstAcceptedAt: '2023-01-06T02:15:30.000Z',
      filedOn: '2023-01-06',
      acceptedAt: '2023-01-06T02:15:30.000Z',
      publishedOn: null,
      canonicalKey: 'k',
      totals: { received: 0, granted: 0, processed: 0, reviews: 0, lawsuits: 0 },
      hasErrors: false,
      warningCount: 0,
    };
    const lines = longCsvRecords(entry as never, report).split('\r\n');
    expect(LONG_CSV_HEADER.slice(0, 2)).toEqual(['agencyId', 'year']);
    expect(lines[0]?.startsWith('demo-bureau,2022,proactiveDisclosure.')).toBe(true);
  });

  it("shards by the county of the region code, a city's own bodies beside its counties", () => {
    const township = regionPathOf({ regionCode: '440205100', region: '广东省韶关市曲江区马坝镇' });
    expect(township.map((r) => r.code)).toEqual(['440000', '440200', '440205']);
    expect(township.map((r) => r.name)).toEqual(['广东省', '韶关市', '曲江区']);
    const [, city, own] = regionPathOf({ regionCode: '440200', region: '广东省韶关市' });
    expect([city.code, own.code, own.name]).toEqual(['440200', '440200s', '韶关市本级']);
    expect(shardOf({ regionCode: '440205', region: '' })).toBe('440205');
  });

  it('places an entry from before codes by its region name, one shard per name', () => {
    const [province, city, county] = regionPathOf({ region: '广东省韶关市曲江区' });
    expect([province.name, city.name, county.name]).toEqual(['广东省', '韶关市', '曲江区']);
    const [, ownCity, own] = regionPathOf({ region: '韶关市' });
    expect([ownCity.name, own.name]).toEqual(['韶关市', '韶关市本级']);
    expect(ownCity.code).toBe(regionPathOf({ region: '韶关市曲江区' })[1].code);
  });
});

describe('filing status', () => {
  it('judges a department by 31 January and a government by 31 March of the next year', () => {
    const config = parseDeadlineConfig(undefined);
    const filed = version(1, { acceptedAt: '2023-02-10T02:00:00.000Z' });
    expect(agencyYearStatus(agencyOf('d', '某局', 'department'), 2022, filed, '2023-06-01', config).status).toBe(
      'late',
    );
    expect(agencyYearStatus(agencyOf('g', '某政府', 'government'), 2022, filed, '2023-06-01', config).status).toBe(
      'onTime',
    );
    expect(agencyYearStatus(agencyOf('d', '某局', 'department'), 2022, null, '2023-06-01', config).status).toBe(
      'missing',
    );
    expect(agencyYearStatus(agencyOf('d', '某局', 'department'), 2022, null, '2023-01-10', config).status).toBe('due');
  });
});

describe('site paths', () => {
  it('maps directory URLs to index.html', () => {
    expect(siteKey('/reports/a/2022/')).toBe('reports/a/2022/index.html');
    expect(siteKey('/')).toBe('index.html');
  });
});
