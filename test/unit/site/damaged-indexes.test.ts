import { beforeEach, describe, expect, it } from 'vitest';
import { publishFiling, rebuildSite } from '#shared/site/publish-site.ts';
import { buildReport } from '../../helpers/report-builder.ts';
import { agencyOf, archive, type SiteWorld, siteWorld, text } from './site-world.ts';

const BUREAU = agencyOf('demo-bureau', '示范市示范局');
const OFFICE = agencyOf('demo-office', '示范市示范办公室');
let world: SiteWorld;

beforeEach(async () => {
  world = siteWorld();
  await world.agencies.create(BUREAU);
  await world.agencies.create(OFFICE);
  await archive(world, BUREAU.id, { report: buildReport('2021', 2022) });
  await archive(world, OFFICE.id, { report: buildReport('2021', 2022) });
  await publishFiling(world, { agencyId: BUREAU.id, year: 2022 });
});

const damage = (key: string, bytes: string) =>
  world.data.put(key, new TextEncoder().encode(bytes), 'application/json; charset=utf-8');

describe('damaged index objects', () => {
  it('make a filing rebuild the site from the stored versions, naming the damaged object', async () => {
    await damage('site/catalog.json', '{"years":[2022],"agencies":[{"id":"demo-bu');
    const update = await publishFiling(world, { agencyId: OFFICE.id, year: 2022 });
    expect(update.rebuiltBecause).toBe('site/catalog.json');
    const home = await text(world, 'index.html');
    expect(home).toContain(BUREAU.name);
    expect(home).toContain(OFFICE.name);
    expect(JSON.parse(new TextDecoder().decode((await world.data.get('site/catalog.json'))?.bytes))).toMatchObject({
      years: [2022],
    });
  });

  it('are replaced by a rebuild, never read by it', async () => {
    await damage('site/years/2022.json', '{"year":2022,"entries":"not a list"}');
    await damage('site/datasets/2022.json', '\u0000\u0000\u0000');
    const rebuilt = await rebuildSite(world);
    expect(rebuilt.reports).toBe(2);
    expect(await text(world, 'years/2022/index.html')).toContain('全部机关合计（2份报告）');
  });
});
