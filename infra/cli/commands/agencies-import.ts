import { type AgencyCsvLine, parseAgencyCsv } from '../agency-csv.ts';
import { type ApiClient, apiClientFor, apiErrorOf } from '../api/client.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { CliFailure, describeFailure, EXIT } from '../failure.ts';
import { readInput } from '../read-input.ts';

interface LineOutcome {
  readonly line: number;
  readonly id: string;
  readonly problem: string | null;
}

function textOf(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel in a Chinese locale saves "CSV" as GBK unless told otherwise.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export const command = defineCommand({
  name: 'agencies import',
  synopsis: 'gongkai agencies import CSV',
  description: [
    '从 CSV 批量登记机关（管理员令牌），逐行报告结果；任何一行失败则退出码为 1。',
    'Registers agencies from a CSV file (admin token) and reports each line; exit 1 if any line failed.',
    '表头 header: id,name,kind,region,supervisorId,contactEmails,deadlineOverride',
    '（contactEmails 内多个地址用 ; 分隔 / separate several e-mails with ;）',
  ].join('\n'),
  options: { ...API_OPTIONS },
  positionals: ['CSV'],
  async run({ values, positionals }, io) {
    const file = positionals[0] ?? '-';
    const lines = parseAgencyCsv(textOf((await readInput(file, io)).bytes));
    if (lines.length === 0) throw new CliFailure(`${file} 中没有机关`, `${file} lists no agencies`);
    const client = await apiClientFor(values, io);
    let failed = 0;
    // Each line is printed as it is done, so a long import shows progress and a stop shows how far it got.
    for (const line of lines) {
      const outcome = await importLine(line, client);
      if (outcome.problem !== null) failed++;
      io.stdout.write(outcomeLine(outcome));
    }
    const ok = lines.length - failed;
    io.stdout.write(
      `共 ${lines.length} 行，成功 ${ok}，失败 ${failed} / ${lines.length} lines, ${ok} registered, ${failed} failed\n`,
    );
    return failed > 0 ? EXIT.failed : EXIT.ok;
  },
});

function outcomeLine(o: LineOutcome): string {
  const where = `第 ${o.line} 行 line ${o.line}`;
  return o.problem === null ? `${where}  已登记 ok  ${o.id}\n` : `${where}  失败 failed  ${o.id}  ${o.problem}\n`;
}

async function importLine(line: AgencyCsvLine, client: ApiClient): Promise<LineOutcome> {
  if (!line.ok) return { line: line.line, id: line.id, problem: line.problem };
  const response = await client.send({
    method: 'POST',
    path: '/v1/admin/agencies',
    body: JSON.stringify(line.agency),
    contentType: 'application/json',
  });
  if (response.status >= 200 && response.status < 300) return { line: line.line, id: line.agency.id, problem: null };
  // Auth and server failures stop the import: every further line would fail the same way.
  if (response.status === 401 || response.status === 403 || response.status >= 500) throw apiErrorOf(response);
  return { line: line.line, id: line.agency.id, problem: describeFailure(apiErrorOf(response)) };
}
