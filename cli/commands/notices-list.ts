import * as z from 'zod';
import { apiClientFor } from '../api/client.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { CliFailure, EXIT, UsageError } from '../failure.ts';
import { formatNotices, type NoticeBody, NoticeSchema } from '../format/deadline-notices.ts';

const SYNOPSIS = 'gongkai notices list [--year YYYY] [--agency ID] [--json]';
const PAGE_SIZE = 100;
const NoticePageSchema = z.object({ notices: z.array(NoticeSchema), cursor: z.string().optional() });

export const command = defineCommand({
  name: 'notices list',
  synopsis: SYNOPSIS,
  description: '列出报送期限通知（管理员令牌）。/ Lists the deadline notices of a report year (admin token).',
  options: {
    year: { type: 'string', valueName: 'YYYY', description: '报告年度（默认上一年）/ report year (default last year)' },
    agency: { type: 'string', valueName: 'ID', description: '只看一个机关 / one agency only' },
    json: { type: 'boolean', description: '输出 JSON 数组 / print a JSON array' },
    ...API_OPTIONS,
  },
  positionals: [],
  async run({ values }, io) {
    if (values.year !== undefined && !/^\d{4}$/.test(values.year)) {
      throw new UsageError(`年度应为四位数字：${values.year}`, `--year must be four digits: ${values.year}`, SYNOPSIS);
    }
    const client = await apiClientFor(values, io);
    const notices: NoticeBody[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({
        limit: String(PAGE_SIZE),
        ...(values.year ? { year: values.year } : {}),
        ...(values.agency ? { agencyId: values.agency } : {}),
        ...(cursor ? { cursor } : {}),
      });
      const page = NoticePageSchema.safeParse(await client.call({ method: 'GET', path: `/v1/admin/notices?${query}` }));
      if (!page.success)
        throw new CliFailure('接口返回的通知列表格式不对', 'the API answered with an unexpected notice list');
      notices.push(...page.data.notices);
      cursor = page.data.cursor;
    } while (cursor);
    io.stdout.write(values.json ? `${JSON.stringify(notices, null, 2)}\n` : `${formatNotices(notices)}\n`);
    return EXIT.ok;
  },
});
