import * as z from 'zod';
import { apiClientFor } from '../api/client.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { CliFailure, EXIT } from '../failure.ts';

const IssuedTokenSchema = z.object({ tokenId: z.string(), token: z.string() });

export const command = defineCommand({
  name: 'tokens issue',
  synopsis: 'gongkai tokens issue AGENCY [--json]',
  description: [
    '为机关签发报送令牌（管理员令牌）。令牌只显示这一次，服务端只保存其散列值。',
    'Issues a filing token for an agency (admin token). The token is printed once, alone on stdout;',
    'the server keeps only its hash.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: '输出 {"tokenId","token",…} / print the whole answer as JSON' },
    ...API_OPTIONS,
  },
  positionals: ['AGENCY'],
  async run({ values, positionals }, io) {
    const agencyId = positionals[0] ?? '';
    const client = await apiClientFor(values, io);
    const body = await client.call({
      method: 'POST',
      path: `/v1/admin/agencies/${encodeURIComponent(agencyId)}/tokens`,
    });
    if (values.json) {
      io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      return EXIT.ok;
    }
    const issued = IssuedTokenSchema.safeParse(body);
    if (!issued.success)
      throw new CliFailure('接口返回的令牌格式不对', 'the API answered with an unexpected token body');
    io.stdout.write(`${issued.data.token}\n`);
    io.stderr.write(
      `令牌 ${issued.data.tokenId} 只显示这一次，请妥善保存 / token ${issued.data.tokenId} is shown only once\n`,
    );
    return EXIT.ok;
  },
});
