import { AGENCY_KINDS } from '#shared/registry/agency.ts';
import { apiClientFor } from '../api/client.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { EXIT, UsageError } from '../failure.ts';
import { formatAgencyLine } from '../format/agencies.ts';

const SYNOPSIS =
  'gongkai agencies add --id ID --name NAME --kind KIND --region R [--supervisor ID] [--alias NAME …] [--credit-code C] [--email E …] [--deadline MM-DD]';

export const command = defineCommand({
  name: 'agencies add',
  synopsis: SYNOPSIS,
  description: '登记一个报送机关（管理员令牌）。/ Registers an agency (admin token).',
  options: {
    id: { type: 'string', valueName: 'ID', description: '机关编号（小写字母、数字、连字符）/ agency id' },
    name: { type: 'string', valueName: 'NAME', description: '机关全称，须与报告署名一致 / full name as signed' },
    kind: { type: 'string', valueName: 'KIND', description: `机关类型 / kind (${AGENCY_KINDS.join('|')})` },
    region: {
      type: 'string',
      valueName: 'R',
      description: '行政区划代码或名称（440205、韶关市曲江区）/ region code or name',
    },
    supervisor: {
      type: 'string',
      valueName: 'ID',
      description: '上级机关编号，默认为本区划的人民政府 / supervising agency id (default: the region’s government)',
    },
    alias: { type: 'string', multiple: true, valueName: 'NAME', description: '署名别名，可重复 / alias, repeatable' },
    'credit-code': { type: 'string', valueName: 'C', description: '统一社会信用代码 / unified social credit code' },
    email: {
      type: 'string',
      multiple: true,
      valueName: 'E',
      description: '联系邮箱，可重复 / contact e-mail, repeatable',
    },
    deadline: { type: 'string', valueName: 'MM-DD', description: '单独的报送期限 / own deadline, e.g. 01-31' },
    json: { type: 'boolean', description: '输出 JSON / print the registered agency as JSON' },
    ...API_OPTIONS,
  },
  positionals: [],
  async run({ values }, io) {
    const { id, name, kind, region } = values;
    if (!id || !name || !kind || !region) {
      throw new UsageError(
        '须给出 --id、--name、--kind 和 --region',
        'give --id, --name, --kind and --region',
        SYNOPSIS,
      );
    }
    const body = {
      id,
      name,
      kind,
      region,
      ...(values.supervisor ? { supervisorId: values.supervisor } : {}),
      aliases: values.alias ?? [],
      creditCode: values['credit-code'] ?? null,
      contactEmails: values.email ?? [],
      deadlineOverride: values.deadline ?? null,
    };
    const client = await apiClientFor(values, io);
    const agency = await client.call({
      method: 'POST',
      path: '/v1/admin/agencies',
      body: JSON.stringify(body),
      contentType: 'application/json',
    });
    io.stdout.write(
      values.json ? `${JSON.stringify(agency, null, 2)}\n` : `已登记 registered: ${formatAgencyLine(agency)}\n`,
    );
    return EXIT.ok;
  },
});
