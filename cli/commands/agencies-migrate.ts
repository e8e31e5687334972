import { loadDivisions } from '#shared/registry/divisions/load-divisions.ts';
import { describeUnresolved, resolveRegion } from '#shared/registry/divisions/resolve-region.ts';
import { apiClientFor } from '../api/client.ts';
import { registeredAgencyBodies } from '../api/registered-agencies.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { EXIT } from '../failure.ts';
import { agencyFrom } from '../format/agencies.ts';

export const command = defineCommand({
  name: 'agencies migrate',
  synopsis: 'gongkai agencies migrate [--dry-run]',
  description: [
    '为登记时只写了地区名称的机关补上行政区划代码（管理员令牌）：能唯一解析的写入代码，其余逐一列出（退出码 1）。',
    'Gives agencies registered with a free-text region their division code (admin token): regions that resolve to',
    'one code are written, the rest are listed (exit 1).',
  ].join('\n'),
  options: {
    'dry-run': { type: 'boolean', description: '只列出，不写入 / list only, write nothing' },
    ...API_OPTIONS,
  },
  positionals: [],
  async run({ values }, io) {
    const client = await apiClientFor(values, io);
    const table = await loadDivisions();
    const pending = (await registeredAgencyBodies(client))
      .flatMap((body) => agencyFrom(body) ?? [])
      .filter((a) => a.regionCode === null);
    let unresolved = 0;
    for (const agency of pending) {
      const resolved = resolveRegion(table, agency.region);
      if (!resolved.ok) {
        unresolved++;
        io.stdout.write(`${agency.id}  未迁移 kept  ${describeUnresolved(agency.region, resolved)}\n`);
        continue;
      }
      if (!values['dry-run']) {
        await client.call({
          method: 'PUT',
          path: `/v1/admin/agencies/${agency.id}`,
          body: JSON.stringify({ ...agency, regionCode: resolved.code }),
          contentType: 'application/json',
        });
      }
      io.stdout.write(`${agency.id}  ${agency.region} → ${resolved.code} ${resolved.fullName}\n`);
    }
    const done = pending.length - unresolved;
    const verb = values['dry-run'] ? { zh: '可迁移', en: 'can be migrated' } : { zh: '已迁移', en: 'migrated' };
    io.stdout.write(
      `${pending.length} 个机关没有区划代码，${verb.zh} ${done}，未能解析 ${unresolved}` +
        ` / ${pending.length} without a code, ${done} ${verb.en}, ${unresolved} unresolved\n`,
    );
    return unresolved > 0 ? EXIT.failed : EXIT.ok;
  },
});
