import * as z from 'zod';
import { apiClientFor } from '../api/client.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { CliFailure, EXIT } from '../failure.ts';

const JobSchema = z.object({
  jobId: z.string(),
  status: z.enum(['planning', 'running', 'done']),
  shards: z.number(),
  shardsDone: z.number(),
  reports: z.number(),
});
const POLL_MS = 1000;

export const command = defineCommand({
  name: 'site rebuild',
  synopsis: 'gongkai site rebuild [--json]',
  description: [
    '按登记的机关和已存的报告版本重建全部公开页面（管理员令牌）。重复执行得到相同的文件。',
    'Rewrites every public page from the registry and the stored report versions (admin token): starts a job',
    'with POST /v1/admin/site/rebuild and polls it until every region shard is done. Running it again gives the same files.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: '输出 {"reports","files"} / print the answer as JSON' },
    ...API_OPTIONS,
  },
  positionals: [],
  async run({ values }, io) {
    const client = await apiClientFor(values, io);
    const parse = (body: unknown) => {
      const job = JobSchema.safeParse(body);
      if (!job.success) throw new CliFailure('接口返回的结果格式不对', 'the API answered with an unexpected body');
      return job.data;
    };
    // The route starts a job (202) and the job fans out per region shard; poll it until every shard is done.
    let job = parse(await client.call({ method: 'POST', path: '/v1/admin/site/rebuild' }));
    while (job.status !== 'done') {
      await new Promise((wake) => setTimeout(wake, POLL_MS));
      job = parse(await client.call({ method: 'GET', path: `/v1/admin/site/rebuild/${job.jobId}` }));
    }
    if (values.json) {
      io.stdout.write(`${JSON.stringify(job, null, 2)}\n`);
      return EXIT.ok;
    }
    io.stdout.write(
      `已重建 ${job.shards} 个地区的 ${job.reports} 份报告 / rebuilt ${job.reports} reports in ${job.shards} regions (job ${job.jobId})\n`,
    );
    return EXIT.ok;
  },
});
