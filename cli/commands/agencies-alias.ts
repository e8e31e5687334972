import { apiClientFor } from '../api/client.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { CliFailure, EXIT, UsageError } from '../failure.ts';
import { agencyFrom, formatAgencyLine } from '../format/agencies.ts';

const SYNOPSIS = 'gongkai agencies alias ID NAME';

export const command = defineCommand({
  name: 'agencies alias',
  synopsis: SYNOPSIS,
  description: [
    '为机关增加一个别名（报告上署的另一种名称），此后以该名称署名的报告可由本机关报送（管理员令牌）。',
    'Adds an alias (another name the agency signs reports with), so reports signed with it file under the agency.',
  ].join('\n'),
  options: { ...API_OPTIONS },
  positionals: ['ID', 'NAME'],
  async run({ values, positionals }, io) {
    const [id, name] = positionals;
    if (!id || !name?.trim())
      throw new UsageError('须给出机关编号和别名', 'give the agency id and the alias', SYNOPSIS);
    const client = await apiClientFor(values, io);
    const agency = agencyFrom(
      await client.call({ method: 'GET', path: `/v1/admin/agencies/${encodeURIComponent(id)}` }),
    );
    if (!agency) throw new CliFailure('接口返回的机关格式不对', 'the API answered with an unexpected agency');
    const aliases = agency.aliases.includes(name.trim()) ? agency.aliases : [...agency.aliases, name.trim()];
    const updated = await client.call({
      method: 'PUT',
      path: `/v1/admin/agencies/${encodeURIComponent(id)}`,
      body: JSON.stringify({ ...agency, aliases }),
      contentType: 'application/json',
    });
    io.stdout.write(`别名 aliases: ${aliases.join('、')}\n${formatAgencyLine(updated)}\n`);
    return EXIT.ok;
  },
});
