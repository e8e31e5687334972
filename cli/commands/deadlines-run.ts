import { apiClientFor } from '../api/client.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { CliFailure, EXIT, UsageError } from '../failure.ts';
import { DeadlineRunSchema, formatDeadlineRun } from '../format/deadline-notices.ts';

const SYNOPSIS = 'gongkai deadlines run [--as-of YYYY-MM-DD] [--dry-run] [--json]';

export const command = defineCommand({
  name: 'deadlines run',
  synopsis: SYNOPSIS,
  description:
    '按报送期限发出当天到期提醒、逾期通知和督办（管理员令牌）。/ Emits the due-soon, overdue and escalation notices of a day (admin token).',
  options: {
    'as-of': {
      type: 'string',
      valueName: 'YYYY-MM-DD',
      description: '按哪一天计算（默认今天）/ the day to run for (default today)',
    },
    'dry-run': { type: 'boolean', description: '只列出，不发送 / list what would be emitted, emit nothing' },
    json: { type: 'boolean', description: '输出 JSON / print the JSON answer' },
    ...API_OPTIONS,
  },
  positionals: [],
  async run({ values }, io) {
    const asOf = values['as-of'];
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
      throw new UsageError(`日期格式应为 YYYY-MM-DD：${asOf}`, `--as-of must be YYYY-MM-DD: ${asOf}`, SYNOPSIS);
    }
    const client = await apiClientFor(values, io);
    const body = JSON.stringify({ ...(asOf ? { asOf } : {}), dryRun: values['dry-run'] === true });
    const answer = await client.call({
      method: 'POST',
      path: '/v1/admin/deadlines/run',
      body,
      contentType: 'application/json',
    });
    const run = DeadlineRunSchema.safeParse(answer);
    if (!run.success)
      throw new CliFailure('接口返回的结果格式不对', 'the API answered with an unexpected deadline run');
    io.stdout.write(values.json ? `${JSON.stringify(run.data, null, 2)}\n` : `${formatDeadlineRun(run.data)}\n`);
    return EXIT.ok;
  },
});
