import { apiClientFor } from '../api/client.ts';
import { registeredAgencyBodies } from '../api/registered-agencies.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { EXIT } from '../failure.ts';
import { agencyFrom, formatAgencyTable } from '../format/agencies.ts';

export const command = defineCommand({
  name: 'agencies list',
  synopsis: 'gongkai agencies list [--json]',
  description: '列出全部已登记机关（管理员令牌）。/ Lists every registered agency (admin token).',
  options: {
    json: { type: 'boolean', description: '输出 JSON 数组 / print a JSON array' },
    ...API_OPTIONS,
  },
  positionals: [],
  async run({ values }, io) {
    const client = await apiClientFor(values, io);
    const bodies = await registeredAgencyBodies(client);
    if (values.json) {
      io.stdout.write(`${JSON.stringify(bodies, null, 2)}\n`);
      return EXIT.ok;
    }
    const agencies = bodies.flatMap((body) => agencyFrom(body) ?? []);
    io.stdout.write(
      agencies.length === 0 ? '尚未登记任何机关 / no agencies registered\n' : `${formatAgencyTable(agencies)}\n`,
    );
    return EXIT.ok;
  },
});
