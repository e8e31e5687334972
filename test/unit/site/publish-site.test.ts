import { beforeEach, describe, expect, it } from 'vitest';
import { publishFiling, rebuildSite } from '#shared/site/publish-site.ts';
import { buildReport, modified, withCell } from '../../helpers/report-builder.ts';
import { agencyOf, archive, type SiteWorld, siteWorld, text } from './site-world.ts';

const BUREAU = agencyOf('demo-bureau', '示范市示范局');
const IDLE = agencyOf('idle-office', '示范市闲置办公室');
let world: SiteWorld;

beforeEach(async () => {
  world = siteWorld();
  await world.agencies.create(BUREAU);
  await world.agencies.create(IDLE);
});

describe('publishFiling', () => {
  it("writes the report's pages, its agency and year pages, home, feed, sitemap, datasets and search shard", async () => {
    await archive(world, BUREAU.id, { report: buildReport('2021', 2022) });
    const { written } = await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
    expect(written).toEqual(
      expect.arrayContaining([
        'reports/demo-bureau/2022/index.html',
        'reports/demo-bureau/2022/report.json',
        'reports/demo-bureau/2022/report.csv',
        'reports/demo-bureau/2022/original.txt',
        'reports/demo-bureau/2022/v1/index.html',
        'agencies/demo-bureau/index.html',
        'years/2022/index.html',
        'index.html',
        'feed.xml',
        'sitemap.xml',
        'sitemaps/2022.xml',
        'data/2022.csv',
        'data/2022.json',
        'data/schema.json',
        'search/2022.json',
        'assets/site.css',
      ]),
    );
    expect((await world.site.get('feed.xml'))?.contentType).toBe('application/atom+xml; charset=utf-8');
    expect((await world.site.get('reports/demo-bureau/2022/index.html'))?.contentType).toBe('text/html; charset=utf-8');
    const year = await text(world, 'years/2022/index.html');
    expect(year).toMatch(/data-agency="demo-bureau".*?按时提交/);
    expect(year).toMatch(/data-agency="idle-office".*?未提交/);
  });

  it('publishes an original typed and named by its bytes, whatever the filer declared', async () => {
    const original = '示范市示范局2022年政府信息公开工作年度报告\n<script>sessionStorage.clear()</script>\n';
    const declared = { contentType: 'text/html', fileName: 'x.html' };
    await archive(world, BUREAU.id, { report: buildReport('2021', 2022), original, declared });
    await archive(world, BUREAU.id, {
      report: buildReport('2021', 2022),
      version: 2,
      amendmentReason: '更正',
      original: `<!doctype html><html><body><table></table>${original}</body></html>`,
      declared: { contentType: 'text/javascript', fileName: 'x.js' },
    });
    const { written } = await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
    expect(written).toContain('reports/demo-bureau/2022/v1/original.txt');
    expect(written).toContain('reports/demo-bureau/2022/v2/original.html');
    expect(written).toContain('reports/demo-bureau/2022/original.html');
    expect(written.filter((key) => /original\.(js|bin)$/.test(key))).toEqual([]);
    expect((await world.site.get('reports/demo-bureau/2022/v1/original.txt'))?.contentType).toBe(
      'text/plain; charset=utf-8',
    );
    expect(await text(world, 'reports/demo-bureau/2022/v1/original.txt')).toBe(original);
    expect(await text(world, 'reports/demo-bureau/2022/v1/index.html')).toContain(
      'href="/reports/demo-bureau/2022/v1/original.txt"',
    );
  });

  it('gives the same files when the same event arrives twice', async () => {
    await archive(world, BUREAU.id, { report: buildReport('2021', 2022) });
    await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
    const first = new Map(await Promise.all(world.site.keys().map(async (k) => [k, await text(world, k)] as const)));
    const again = await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
    for (const key of again.written) expect(await text(world, key)).toBe(first.get(key));
    expect(world.site.keys()).toEqual([...first.keys()]);
  });

  it('writes as many files for a filing whatever else the archive holds', async () => {
    await archive(world, BUREAU.id, { report: buildReport('2021', 2022) });
    const alone = await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
    for (let i = 0; i < 30; i += 1) {
      const id = `other-${i}`;
      await world.agencies.create(agencyOf(id, `其他机关${i}`));
      await archive(world, id, { report: buildReport('2021', 2015 + (i % 5)) });
      await publishFiling(world, { agencyId: id, year: 2015 + (i % 5) });
    }
    const crowded = await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
    expect(crowded.written.length).toBe(alone.written.length);
  });

  it('shows an amendment with its reason, the changed cell and the earlier version beside it', async () => {
    const first = buildReport('2021', 2022);
    await archive(world, BUREAU.id, { report: first });
    await archive(world, BUREAU.id, {
      report: withCell(first, 'applications.granted.naturalPerson', 99),
      version: 2,
      acceptedAt: '2023-01-20T08:00:00.000Z',
      amendmentReason: '更正表三自然人申请数量',
    });
    await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
    const current = await text(world, 'reports/demo-bureau/2022/index.html');
    expect(current).toContain('更正原因：更正表三自然人申请数量');
    expect(current).toMatch(/表三 › （一）予以公开 › 自然人<\/span>：<del>\d+<\/del> → <ins>99<\/ins>/);
    expect(await text(world, 'reports/demo-bureau/2022/v1/index.html')).toContain('此为历史版本');
    expect(await text(world, 'feed.xml')).toContain('/reports/demo-bureau/2022/v2/</id>');
    const dataset = JSON.parse(await text(world, 'data/2022.json')) as { reports: { version: number }[] };
    expect(dataset.reports.map((r) => r.version)).toEqual([2]);
  });

  it('adds each agency once to the year totals, summing their figures', async () => {
    const report = buildReport('2021', 2022);
    const other = agencyOf('other-bureau', '示范市另一局');
    await world.agencies.create(other);
    await archive(world, BUREAU.id, { report });
    await archive(world, other.id, {
      report: modified(report, (r) => {
        r.agency.name = other.name;
      }),
    });
    await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
    await publishFiling(world, { agencyId: other.id, year: 2022 });
    await publishFiling(world, { agencyId: other.id, year: 2022 });
    const index = JSON.parse(await text(world, 'data/2022.json')) as { reports: unknown[] };
    expect(index.reports).toHaveLength(2);
    expect(await text(world, 'years/2022/index.html')).toContain('全部机关合计（2份报告）');
  });
});

describe('rebuildSite', () => {
  it('rewrites the same pages from the stored versions', async () => {
    await archive(world, BUREAU.id, { report: buildReport('2021', 2022) });
    await archive(world, BUREAU.id, { report: buildReport('2021', 2021) });
    await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
    await publishFiling(world, { agencyId: BUREAU.id, year: 2021 });
    const before = await Promise.all(world.site.keys().map((k) => text(world, k)));
    const rebuilt = await rebuildSite(world);
    expect(rebuilt.reports).toBe(2);
    expect(await Promise.all(world.site.keys().map((k) => text(world, k)))).toEqual(before);
  });
});
