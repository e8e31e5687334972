import { parseReport } from '#shared/parse/parse-report.ts';
import { renderReportJson } from '#shared/render/json.ts';
import { defineCommand } from '../command.ts';
import { EXIT } from '../failure.ts';
import { readInput } from '../read-input.ts';

export const command = defineCommand({
  name: 'normalize',
  synopsis: 'gongkai normalize FILE',
  description: [
    '读取报告（文本、HTML、DOCX、PDF 或 JSON），在标准输出打印规范 JSON。',
    'Reads a report and prints its canonical JSON. Exit 0 when it could be read (even if it breaks rules),',
    '2 when it cannot be read as a report. FILE - reads standard input.',
  ].join('\n'),
  options: {},
  positionals: ['FILE'],
  async run({ positionals }, io) {
    const { report } = await parseReport(await readInput(positionals[0] ?? '-', io));
    io.stdout.write(renderReportJson(report));
    return EXIT.ok;
  },
});
