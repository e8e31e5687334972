import { loadDivisions } from '#shared/registry/divisions/load-divisions.ts';
import { type AgencyCsvLine, parseAgencyCsv } from '../agency-csv.ts';
import { type ApiClient, apiClientFor, apiErrorOf } from '../api/client.ts';
import { registeredAgencyBodies } from '../api/registered-agencies.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { CliFailure, describeFailure, EXIT } from '../failure.ts';
import { agencyFrom } from '../format/agencies.ts';
import { readInput } from '../read-input.ts';

type GoodLine = Extract<AgencyCsvLine, { ok: true }>;
type BadLine = Extract<AgencyCsvLine, { ok: false }>;

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
  synopsis: 'gongkai agencies import CSV [--skip-bad]',
  description: [
    '从 CSV 批量登记机关（管理员令牌）。先核对每一行（区划名称解析为代码、编号不重复且未登记），',
    '有任何一行不合格则列出全部问题行、什么也不登记（退出码 1）；加 --skip-bad 则登记合格的行并列出其余各行。',
    'Registers agencies from a CSV file (admin token). Every line is checked first (regions resolved to codes, ids',
    'unique and not yet registered); if any line is bad, all bad lines are listed and nothing is registered (exit 1).',
    'With --skip-bad the good lines are registered and the bad ones listed.',
    '表头 header: id,name,kind,region[,creditCode,supervisorId,aliases,contactEmails,deadlineOverride]',
    '（region 可写 洪泽区、淮安市洪泽区、江苏省淮安市洪泽区 或 320813；aliases、contactEmails 内多项用 ; 分隔）',
  ].join('\n'),
  options: {
    'skip-bad': {
      type: 'boolean',
      description: '登记合格的行，列出不合格的行 / register the good lines, list the bad',
    },
    ...API_OPTIONS,
  },
  positionals: ['CSV'],
  async run({ values, positionals }, io) {
    const file = positionals[0] ?? '-';
    const lines = parseAgencyCsv(textOf((await readInput(file, io)).bytes), await loadDivisions());
    if (lines.length === 0) throw new CliFailure(`${file} 中没有机关`, `${file} lists no agencies`);
    const client = await apiClientFor(values, io);
    const registered = new Set((await registeredAgencyBodies(client)).flatMap((b) => agencyFrom(b)?.id ?? []));
    const checked = lines.map(
      (line): AgencyCsvLine =>
        line.ok && registered.has(line.agency.id)
          ? { line: line.line, ok: false, id: line.agency.id, problem: 'id: 已登记 / already registered' }
          : line,
    );
    const bad = checked.filter((l): l is BadLine => !l.ok);
    for (const line of bad)
      io.stdout.write(`第 ${line.line} 行 line ${line.line}  失败 failed  ${line.id}  ${line.problem}\n`);
    if (bad.length > 0 && !values['skip-bad']) {
      io.stdout.write(
        `共 ${lines.length} 行，${bad.length} 行不合格，未登记任何机关（改正后重试，或加 --skip-bad）` +
          ` / ${bad.length} of ${lines.length} lines are bad; nothing registered (fix them, or use --skip-bad)\n`,
      );
      return EXIT.failed;
    }
    // Governments first, so the agencies of their regions find them as their default supervisor.
    const good = checked
      .filter((l): l is GoodLine => l.ok)
      .sort((a, b) => Number(b.agency.kind === 'government') - Number(a.agency.kind === 'government'));
    let failed = bad.length;
    for (const line of good) {
      const problem = await register(line, client);
      if (problem !== null) failed++;
      io.stdout.write(
        problem === null
          ? `第 ${line.line} 行 line ${line.line}  已登记 ok  ${line.agency.id}  ${line.agency.regionCode} ${line.agency.region}\n`
          : `第 ${line.line} 行 line ${line.line}  失败 failed  ${line.agency.id}  ${problem}\n`,
      );
    }
    const ok = lines.length - failed;
    io.stdout.write(
      `共 ${lines.length} 行，成功 ${ok}，失败 ${failed} / ${lines.length} lines, ${ok} registered, ${failed} failed\n`,
    );
    return failed > 0 ? EXIT.failed : EXIT.ok;
  },
});

async function register(line: GoodLine, client: ApiClient): Promise<string | null> {
  const { supervisorId: _default, ...rest } = line.agency;
  const body = line.supervisorNamed ? line.agency : rest;
  const response = await client.send({
    method: 'POST',
    path: '/v1/admin/agencies',
    body: JSON.stringify(body),
    contentType: 'application/json',
  });
  if (response.status >= 200 && response.status < 300) return null;
  // Auth and server failures stop the import: every further line would fail the same way.
  if (response.status === 401 || response.status === 403 || response.status >= 500) throw apiErrorOf(response);
  return describeFailure(apiErrorOf(response));
}
