import { z } from 'zod';
import { apiClientFor } from '../api/client.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { CliFailure, EXIT } from '../failure.ts';

const RebuiltSchema = z.object({ reports: z.number(), files: z.number() });

export const command = defineCommand({
  name: 'site rebuild',
  synopsis: 'gongkai site rebuild [--json]',
  description: [
    '按登记的机关和已存的报告版本重建全部公开页面（管理员令牌）。重复执行得到相同的文件。',
    'Rewrites every public page from the registry and the stored report versions (admin token), through',
    'POST /v1/admin/site/rebuild. Running it again gives the same files.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: '输出 {"reports","files"} / print the answer as JSON' },
    ...API_OPTIONS,
  },
  positionals: [],
  async run({ values }, io) {
    const client = await apiClientFor(values, io);
    const body = await client.call({ method: 'POST', path: '/v1/admin/site/rebuild' });
    if (values.json) {
      io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      return EXIT.ok;
    }
    const rebuilt = RebuiltSchema.safeParse(body);
    if (!rebuilt.success) throw new CliFailure('接口返回的结果格式不对', 'the API answered with an unexpected body');
    io.stdout.write(
      `已重建 ${rebuilt.data.reports} 份报告的页面，写入 ${rebuilt.data.files} 个文件 / rebuilt ${rebuilt.data.reports} reports, ${rebuilt.data.files} files\n`,
    );
    return EXIT.ok;
  },
});
