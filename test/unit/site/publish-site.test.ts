import { createHash } from 'node:crypto';
import { parquetReadObjects } from 'hyparquet';
import { beforeEach, describe, expect, it } from 'vitest';
import { publishAgencyPages } from '#shared/archive/agency-pages.ts';
import { listAgencyVersions } from '#shared/archive/agency-versions.ts';
import { compactArchive } from '#shared/archive/compaction.ts';
import { indexFiling } from '#shared/archive/index-filing.ts';
import { getRebuildJob, startRebuild } from '#shared/archive/rebuild-job.ts';
import { shardOf } from '#shared/archive/regions.ts';
import { buildHome } from '#shared/archive/roll-ups.ts';
import { regionUrl } from '#shared/site/site-paths.ts';
import { buildReport, modified, withCell } from '../../helpers/report-builder.ts';
import { agencyOf, archive, drain, publishFiling, runTask, type SiteWorld, siteWorld, text } from './site-world.ts';

const BUREAU = agencyOf('demo-bureau', '示范市示范局');
const IDLE = agencyOf('idle-office', '示范市闲置办公室');
let world: SiteWorld;

beforeEach(async () => {
  world = siteWorld();
  await world.agencies.create(BUREAU);
  await world.agencies.create(IDLE);
});

async function file(agencyId: string, name: string, year = 2022) {
  await archive(world, agencyId, {
    report: modified(buildReport('2021', year), (r) => {
      r.agency.name = name;
    }),
  });
  return publishFiling(world, { agencyId, year });
}

function bytesOf(keys: readonly string[]) {
  return Promise.all(keys.map(async (k) => (await world.site.get(k))?.bytes.length ?? 0)).then((n) =>
    n.reduce((a, b) => a + b, 0),
  );
}

describe('publishFiling', () => {
  it("writes only the filing's own pages and downloads, its agency page and one task per aggregate", async () => {
    await archive(world, BUREAU.id, { report: buildReport('2021', 2022) });
    const { written } = await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
    expect([...written].sort()).toEqual(
      [
        'agencies/demo-bureau/index.html',
        'reports/demo-bureau/2022/findings.json',
        'reports/demo-bureau/2022/index.html',
        'reports/demo-bureau/2022/original.txt',
        'reports/demo-bureau/2022/report.csv',
        'reports/demo-bureau/2022/report.json',
        'reports/demo-bureau/2022/report-wide.csv',
        'reports/demo-bureau/2022/v1/findings.json',
        'reports/demo-bureau/2022/v1/index.html',
        'reports/demo-bureau/2022/v1/original.txt',
        'reports/demo-bureau/2022/v1/report.csv',
        'reports/demo-bureau/2022/v1/report.json',
        'reports/demo-bureau/2022/v1/report-wide.csv',
      ].sort(),
    );
    // Its pages ran from the pages queue; its shard and the home page wait for their window.
    expect(world.queue.delivered.map((task) => task.kind)).toEqual(['pages']);
    expect(world.queue.size).toBe(2);
  }, 60_000);

  it("reads a new version's original and findings once, though its page and files are written twice", async () => {
    await archive(world, BUREAU.id, { report: buildReport('2021', 2022) });
    const reads = { originals: 0, submissions: 0 };
    const counted = {
      ...world,
      originals: {
        get: (key: string) => {
          reads.originals += 1;
          return world.originals.get(key);
        },
      },
      submissions: {
        get: (id: string) => {
          reads.submissions += 1;
          return world.submissions.get(id);
        },
      },
    };
    await publishFiling(counted, { agencyId: BUREAU.id, year: 2022 });
    expect(reads).toEqual({ originals: 1, submissions: 1 });
  });

  it('publishes an original typed and named as the filing sniffed its bytes, never by its name', async () => {
    const original = '示范市示范局2022年政府信息公开工作年度报告\n<script>sessionStorage.clear()</script>\n';
    const stored = { contentType: 'text/plain; charset=utf-8', fileName: 'x.html' };
    await archive(world, BUREAU.id, { report: buildReport('2021', 2022), original, stored });
    const first = await publishFiling(world, { agencyId: BUREAU.id, year: 2022, version: 1 });
    await archive(world, BUREAU.id, {
      report: buildReport('2021', 2022),
      version: 2,
      amendmentReason: '更正',
      original: `<!doctype html><html><body><table></table>${original}</body></html>`,
      stored: { contentType: 'text/html; charset=utf-8', fileName: 'x.js' },
    });
    const second = await publishFiling(world, { agencyId: BUREAU.id, year: 2022, version: 2 });
    const written = [...first.written, ...second.written];
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

  it('writes the same files and bytes for a filing whatever else the year holds', async () => {
    const alone = await file(BUREAU.id, BUREAU.name);
    const aloneBytes = await bytesOf(alone.written);
    for (let i = 0; i < 40; i += 1) {
      await world.agencies.create(agencyOf(`other-${i}`, `其他机关${i}`, 'department', `示范省示范市第${i % 4}区`));
      await file(`other-${i}`, `其他机关${i}`);
    }
    await drain(world);
    // A later delivery: the same body in the same window would be one message with the first.
    world.clock.advance(1000);
    const crowded = await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
    expect(crowded.written.length).toBe(alone.written.length);
    expect(await bytesOf(crowded.written)).toBeLessThan(aloneBytes * 1.2);
  }, 60_000);

  it("re-renders the year's version pages but writes only the new version's downloads when an agency amends", async () => {
    const first = buildReport('2021', 2022);
    await archive(world, BUREAU.id, { report: first });
    for (let v = 2; v <= 6; v += 1) {
      await archive(world, BUREAU.id, {
        report: withCell(first, 'applications.granted.naturalPerson', v),
        version: v,
        amendmentReason: `第${v}次更正`,
      });
    }
    const { written } = await publishFiling(world, { agencyId: BUREAU.id, year: 2022, version: 6 });
    // Every version's page now lists v6 as the current one; only v6's downloads are new, v1–v5's stay as they were.
    expect(written.filter((k) => /\/v\d+\/index\.html$/.test(k)).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((v) => `reports/demo-bureau/2022/v${v}/index.html`),
    );
    expect(written.filter((k) => /\/v\d+\/(?!index\.html)/.test(k)).every((k) => k.includes('/v6/'))).toBe(true);
    expect(written.filter((k) => k.includes('/v6/'))).toHaveLength(6);
    expect(new Set(written).size).toBe(written.length);
  }, 60_000);

  it('shows an amendment with its reason, the changed cell and the earlier version beside it', async () => {
    const first = buildReport('2021', 2022);
    await archive(world, BUREAU.id, { report: first });
    await publishFiling(world, { agencyId: BUREAU.id, year: 2022, version: 1 });
    await archive(world, BUREAU.id, {
      report: withCell(first, 'applications.granted.naturalPerson', 99),
      version: 2,
      acceptedAt: '2023-01-20T08:00:00.000Z',
      amendmentReason: '更正表三自然人申请数量',
    });
    await publishFiling(world, { agencyId: BUREAU.id, year: 2022, version: 2 });
    await drain(world);
    expect(await text(world, 'reports/demo-bureau/2022/v1/index.html')).toContain('此为历史版本');
    const current = await text(world, 'reports/demo-bureau/2022/index.html');
    expect(current).toContain('更正原因：更正表三自然人申请数量');
    expect(current).toMatch(/表三 › （一）予以公开 › 自然人<\/span>：<del>\d+<\/del> → <ins>99<\/ins>/);
    expect(await text(world, 'feed.xml')).toContain('/reports/demo-bureau/2022/v2/</id>');
    await compactArchive(world);
    const dataset = JSON.parse(await text(world, 'data/2022.json')) as { reports: { version: number }[] };
    expect(dataset.reports.map((r) => r.version)).toEqual([2]);
  }, 60_000);
});

describe("an agency-year's versions", () => {
  async function fileVersions(count: number, year = 2022) {
    const first = buildReport('2021', year);
    for (let v = 1; v <= count; v += 1) {
      await archive(world, BUREAU.id, {
        report: v === 1 ? first : withCell(first, 'applications.granted.naturalPerson', 100 + v),
        version: v,
        acceptedAt: `2023-01-${String(5 + v).padStart(2, '0')}T02:00:00.000Z`,
        amendmentReason: v === 1 ? null : `第${v}次更正`,
      });
      await publishFiling(world, { agencyId: BUREAU.id, year, version: v });
      world.clock.advance(1000);
    }
  }
  const bureauFiles = async () =>
    new Map(
      await Promise.all(
        world.site
          .keys()
          .filter((k) => k.startsWith(`reports/${BUREAU.id}/`) || k.startsWith(`agencies/${BUREAU.id}/`))
          .map(async (k) => [k, await text(world, k)] as const),
      ),
    );

  it('name the current version and list the later ones on every superseded page, as a rebuild writes them', async () => {
    await fileVersions(3);
    await drain(world);
    const v1 = await text(world, 'reports/demo-bureau/2022/v1/index.html');
    expect(v1).toContain('此为历史版本，现行版本为第3版。');
    expect(v1).toContain('href="/reports/demo-bureau/2022/v2/"');
    expect(v1).toContain('href="/reports/demo-bureau/2022/v3/"');
    expect(v1).toContain('第3次更正');
    const filed = await bureauFiles();
    world.clock.advance(60_000);
    await startRebuild(world, 'job-versions');
    await drain(world);
    const rebuilt = await bureauFiles();
    expect([...rebuilt.keys()].sort()).toEqual([...filed.keys()].sort());
    for (const [key, body] of filed) expect(rebuilt.get(key), key).toBe(body);
  }, 60_000);

  /** The world with each read of an original recorded. */
  function countingOriginalReads() {
    const reads: string[] = [];
    const counted = {
      ...world,
      originals: {
        get: (key: string) => {
          reads.push(key);
          return world.originals.get(key);
        },
      },
    };
    return { counted, reads };
  }

  it("are rebuilt writing each file once and reading each version's original once", async () => {
    await fileVersions(3);
    await fileVersions(1, 2021);
    const { counted, reads } = countingOriginalReads();
    const { written } = await publishAgencyPages(counted, { agencyId: BUREAU.id });
    expect(new Set(written).size).toBe(written.length);
    expect(reads).toHaveLength(4);
    expect(new Set(reads).size).toBe(4);
    // Per year: each version's page and five downloads, the current page and its five; then the agency page.
    expect(written).toHaveLength(3 * 6 + 6 + (1 * 6 + 6) + 1);
  }, 60_000);

  it("are published after a filing reading only the filed version's original, once", async () => {
    await fileVersions(3);
    const { counted, reads } = countingOriginalReads();
    await publishAgencyPages(counted, { agencyId: BUREAU.id, year: 2022, version: 3 });
    const filed = (await listAgencyVersions(world, BUREAU.id)).find((v) => v.year === 2022 && v.version === 3);
    expect(reads).toEqual([filed?.original.key]);
  }, 60_000);
});

describe("an agency's pages", () => {
  it('keep both of two filings of one agency indexed at the same moment', async () => {
    for (const year of [2021, 2022])
      await archive(world, BUREAU.id, {
        report: modified(buildReport('2021', year), (r) => {
          r.title = `示范市示范局${year}年政府信息公开工作年度报告`;
        }),
      });
    await Promise.all([2021, 2022].map((year) => indexFiling(world, { agencyId: BUREAU.id, year })));
    const queued = world.queue.size;
    await drain(world);
    expect(world.queue.delivered.filter((task) => task.kind === 'pages')).toHaveLength(2);
    // A pages task and a shard task per year; the home task of the one window once.
    expect(queued).toBe(5);
    const agencyPage = await text(world, 'agencies/demo-bureau/index.html');
    expect(agencyPage).toContain('示范市示范局2021年政府信息公开工作年度报告');
    expect(agencyPage).toContain('示范市示范局2022年政府信息公开工作年度报告');
  }, 60_000);
});

describe('the aggregates', () => {
  it('lists every agency of the region with its status, sorted by Chinese name, and rolls up to the year page', async () => {
    await file(BUREAU.id, BUREAU.name);
    await drain(world);
    const shard = shardOf(BUREAU);
    const region = await text(world, `regions/${shard}/2022/index.html`);
    expect(region).toMatch(/data-agency="demo-bureau".*?按时提交/);
    expect(region).toMatch(/data-agency="idle-office".*?未提交/);
    // 示 (shì) before 闲 (xián) in pinyin order.
    expect(region.indexOf('demo-bureau')).toBeLessThan(region.indexOf('idle-office'));
    const year = await text(world, 'years/2022/index.html');
    expect(year).toContain('合计（1份报告）');
    expect(await text(world, `regions/${shard}/index.html`)).toContain('2022年');
  }, 60_000);

  it("builds the year and agency directories and lists a county's agencies that have pages, sorted", async () => {
    await world.agencies.create(agencyOf('zz-office', '艾草办公室'));
    await file('zz-office', '艾草办公室');
    await file(BUREAU.id, BUREAU.name);
    await drain(world);
    const shard = shardOf(BUREAU);
    const county = await text(world, `regions/${shard}/index.html`);
    // 艾 (ài) before 示 (shì); 闲置办公室 has no report, so no page and no link.
    expect(county).toMatch(/各机关.*href="\/agencies\/zz-office\/".*href="\/agencies\/demo-bureau\/"/s);
    expect(county).not.toContain('idle-office');
    const agencies = await text(world, 'agencies/index.html');
    expect(agencies).toContain(`href="/regions/${shard}/"`);
    expect(agencies).toContain('<html lang="zh-CN">');
    // The home task of this window ran before the year page existed (the test clock stands still).
    await buildHome(world);
    const years = await text(world, 'years/index.html');
    expect(years).toMatch(/href="\/years\/2022\/">2022年<\/a><\/th><td>2<\/td>/);
    expect(await text(world, '404.html')).toContain('<h1>页面不存在</h1>');
  }, 60_000);

  it('links the whole-year files from the year page once the compaction has written them, never before', async () => {
    await file(BUREAU.id, BUREAU.name);
    await drain(world);
    const before = await text(world, 'years/2022/index.html');
    expect(before).not.toContain('href="/data/2022.csv"');
    expect(before).toContain('每15分钟汇总生成');
    expect(await text(world, `reports/${BUREAU.id}/2022/index.html`)).toContain('href="/years/2022/#data"');
    world.clock.advance(15 * 60_000); // the schedule's next quarter hour: a new batching window
    await compactArchive(world);
    await drain(world);
    const after = await text(world, 'years/2022/index.html');
    expect(after).toContain('href="/data/2022-wide.csv"');
    expect(after).toContain('href="/data/2022.csv"');
    expect(await world.site.get('data/2022-wide.csv')).not.toBeNull();
  }, 60_000);

  it('keeps every one of 100 concurrent filings across 10 shards in its pages, datasets and search', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `agency-${String(i).padStart(3, '0')}`);
    await Promise.all(
      ids.map((id, i) => world.agencies.create(agencyOf(id, `机关${i}号`, 'department', `示范省示范市第${i % 10}区`))),
    );
    for (const [i, id] of ids.entries())
      await archive(world, id, {
        report: modified(buildReport('2021', 2022), (r) => {
          r.agency.name = `机关${i}号`;
        }),
      });
    await Promise.all(ids.map((agencyId) => publishFiling(world, { agencyId, year: 2022 })));
    await drain(world);
    await compactArchive(world);
    const csv = await text(world, 'data/2022.csv');
    const json = JSON.parse(await text(world, 'data/2022.json')) as { reports: { agencyId: string }[] };
    for (const [i, id] of ids.entries()) {
      const shard = shardOf(agencyOf(id, '', 'department', `示范省示范市第${i % 10}区`));
      expect(await text(world, `regions/${shard}/2022/index.html`)).toContain(`data-agency="${id}"`);
      expect(csv).toContain(`\r\n${id},2022,`);
    }
    expect(json.reports.map((r) => r.agencyId).sort()).toEqual(
      [...ids, BUREAU.id].filter((x) => ids.includes(x)).sort(),
    );
    expect(await text(world, 'years/2022/index.html')).toContain('合计（100份报告）');
    const manifest = JSON.parse(await text(world, 'search/index.json')) as { docs: number };
    expect(manifest.docs).toBe(100);
  }, 60_000);

  it('collapses a burst of 50 filings in one shard into few shard rebuilds', async () => {
    for (let i = 0; i < 50; i += 1) {
      await world.agencies.create(agencyOf(`burst-${i}`, `突发机关${i}`));
      await file(`burst-${i}`, `突发机关${i}`);
      world.clock.advance(100);
    }
    await drain(world);
    const shardBuilds = world.queue.delivered.filter((t) => t.kind === 'shard');
    expect(shardBuilds.length).toBeLessThanOrEqual(2);
    const page = await text(world, `regions/${shardOf(BUREAU)}/2022/index.html`);
    expect(page).toContain('data-agency="burst-49"');
  }, 60_000);

  it('gives the same pages and datasets after incremental publishing as after a full rebuild', async () => {
    for (let i = 0; i < 12; i += 1) {
      await world.agencies.create(agencyOf(`a-${i}`, `机关${i}`, 'department', `示范省示范市第${i % 3}区`));
      await file(`a-${i}`, `机关${i}`);
    }
    await drain(world);
    await compactArchive(world);
    const before = new Map(await Promise.all(world.site.keys().map(async (k) => [k, await text(world, k)] as const)));
    const job = await startRebuild(world, 'job-1');
    expect(job.status).toBe('planning');
    await drain(world);
    await compactArchive(world, { force: true });
    expect((await getRebuildJob(world, 'job-1'))?.status).toBe('done');
    expect(world.site.keys()).toEqual([...before.keys()]);
    for (const [key, body] of before) expect(await text(world, key), key).toBe(body);
  }, 60_000);

  it('lists agencies and search results by region, then name in Chinese collation, not by id or code', async () => {
    const agencies = [
      agencyOf('0-hongze', '淮安市洪泽区人民政府', 'government', '江苏省淮安市洪泽区'),
      agencyOf('a-union', '韶关市曲江区总工会'),
      agencyOf('b-finance', '韶关市曲江区财政局'),
    ];
    for (const agency of agencies) {
      await world.agencies.create(agency);
      await file(agency.id, agency.name);
    }
    await drain(world);
    await compactArchive(world);
    const docs = JSON.parse(await text(world, 'search/docs/0.json')) as { u: string }[];
    // 广东 (guǎng) before 江苏 (jiāng); within 曲江区, 财政局 (cái) before 总工会 (zǒng).
    expect(docs.map((d) => d.u.split('/')[2])).toEqual(['b-finance', 'a-union', '0-hongze']);
    const county = await text(world, `regions/${shardOf(BUREAU)}/2022/index.html`);
    const listed = [...county.matchAll(/data-agency="([^"]+)"/g)].map((m) => m[1]);
    expect(listed.indexOf('b-finance')).toBeLessThan(listed.indexOf('a-union'));
  }, 60_000);

  it("writes a county's page of years when a filing lands between its shard's build and that page's", async () => {
    await file(BUREAU.id, BUREAU.name);
    // The shard builds and queues the county's page of years; then a second agency of the county files.
    await world.queue.drain(
      (task) => runTask(world, task),
      (task) => task.kind === 'shard',
    );
    await world.agencies.create(agencyOf('late-office', '示范市迟到办公室'));
    await file('late-office', '示范市迟到办公室');
    await world.queue.drain(
      (task) => runTask(world, task),
      (task) => task.kind === 'regionYears',
    );
    expect(world.site.keys()).toContain(`${regionUrl(shardOf(BUREAU)).slice(1)}index.html`);
  });

  it('links only to pages that exist', async () => {
    for (let i = 0; i < 6; i += 1) {
      await world.agencies.create(agencyOf(`l-${i}`, `机关${i}`, 'department', `示范省示范市第${i % 2}区`));
      await file(`l-${i}`, `机关${i}`);
    }
    await drain(world);
    await compactArchive(world);
    const keys = new Set(world.site.keys());
    for (const key of keys) {
      if (!key.endsWith('.html')) continue;
      for (const [, href] of (await text(world, key)).matchAll(/href="(\/[^"#?]*)"/g)) {
        const target = decodeURIComponent((href as string).slice(1));
        const file = target === '' || target.endsWith('/') ? `${target}index.html` : target;
        expect(keys.has(file), `${key} → ${href}`).toBe(true);
      }
    }
  }, 60_000);

  it('publishes Parquet, a data package and checksums that match the files', async () => {
    await file(BUREAU.id, BUREAU.name);
    await drain(world);
    await compactArchive(world);
    const parquet = (await world.site.get('data/2022.parquet'))?.bytes as Uint8Array;
    const rows = await parquetReadObjects({
      file: parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength) as ArrayBuffer,
    });
    expect(rows.map((r) => r.agency_id)).toEqual(['demo-bureau']);
    const sums = await text(world, 'data/SHA256SUMS');
    const sha = createHash('sha256')
      .update((await world.site.get('data/2022.csv'))?.bytes as Uint8Array)
      .digest('hex');
    expect(sums).toContain(`${sha}  2022.csv`);
    const wide = createHash('sha256')
      .update((await world.site.get('data/2022-wide.csv'))?.bytes as Uint8Array)
      .digest('hex');
    expect(sums).toContain(`${wide}  2022-wide.csv`);
    const pkg = JSON.parse(await text(world, 'data/datapackage.json')) as {
      licenses: { name: string }[];
      resources: unknown[];
    };
    expect(pkg.licenses[0]?.name).toBe('CC-BY-4.0');
    expect(pkg.resources).toHaveLength(4);
    expect(JSON.parse(await text(world, 'data/catalog.json'))['@type']).toBe('dcat:Catalog');
  }, 60_000);
});
