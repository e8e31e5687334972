import { z } from 'zod';
import { apiClientFor } from '../api/client.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { CliFailure, EXIT } from '../failure.ts';
import { agencyFrom, formatAgencyTable } from '../format/agencies.ts';

const PAGE_SIZE = 100;
const AgencyPageSchema = z.object({ agencies: z.array(z.unknown()), cursor: z.string().optional() });

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
    const bodies: unknown[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
      const page = AgencyPageSchema.safeParse(
        await client.call({ method: 'GET', path: `/v1/admin/agencies?${query}` }),
      );
      if (!page.success)
        throw new CliFailure('接口返回的机关列表格式不对', 'the API answered with an unexpected agency list');
      bodies.push(...page.data.agencies);
      cursor = page.data.cursor;
    } while (cursor);
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
