import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandler } from '../../../functions/events/publish-site-pages.ts';
import { buildReport, withCell } from '../../helpers/report-builder.ts';
import { agencyOf, archive, type SiteWorld, siteWorld, text } from './site-world.ts';

const sample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../events/samples/${name}.v1.json`, import.meta.url), 'utf8'));

const AGENCY = agencyOf('qujiang-trade-union', '韶关市曲江区总工会', 'other');
let world: SiteWorld;

beforeEach(async () => {
  world = siteWorld();
  await world.agencies.create(AGENCY);
  const report = { ...buildReport('2021', 2022), agency: { name: AGENCY.name } };
  await archive(world, AGENCY.id, { report });
});

describe('the publishSitePages handler', () => {
  it('publishes the agency-year named by a ReportAccepted event', async () => {
    await createHandler(() => world)(sample('report-accepted'));
    expect(await text(world, 'reports/qujiang-trade-union/2022/index.html')).toContain('韶关市曲江区总工会');
  });

  it('publishes the amended version named by a ReportAmended event', async () => {
    const report = withCell(
      { ...buildReport('2021', 2022), agency: { name: AGENCY.name } },
      'applications.granted.naturalPerson',
      7,
    );
    await archive(world, AGENCY.id, { report, version: 2, amendmentReason: '更正表三自然人申请数量' });
    await createHandler(() => world)(sample('report-amended'));
    expect(await text(world, 'reports/qujiang-trade-union/2022/index.html')).toContain(
      '更正原因：更正表三自然人申请数量',
    );
  });

  it('refuses an event that does not match its contract, so EventBridge retries it', async () => {
    const broken = { ...sample('report-accepted'), detail: { agencyId: AGENCY.id } };
    await expect(createHandler(() => world)(broken)).rejects.toThrow(/ReportAccepted/);
    expect(world.site.keys()).toEqual([]);
  });
});
