import { checkReport } from '#shared/check-report.ts';
import { parseReport } from '#shared/parse/parse-report.ts';
import { renderReportCsv } from '#shared/render/csv.ts';
import { renderReportJson } from '#shared/render/json.ts';
import { defineCommand } from '../command.ts';
import { EXIT, UsageError } from '../failure.ts';
import { standalonePage } from '../format/standalone-page.ts';
import { readInput } from '../read-input.ts';

const SYNOPSIS = 'gongkai render FILE --to json|csv|html';
const FORMATS = ['json', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(raw: string | undefined): Format {
  const format = FORMATS.find((f) => f === raw);
  if (format) return format;
  if (raw === undefined) throw new UsageError('须给出 --to', 'give --to', SYNOPSIS);
  throw new UsageError('--to 须为 json、csv 或 html', '--to must be json, csv or html', SYNOPSIS);
}

export const command = defineCommand({
  name: 'render',
  synopsis: SYNOPSIS,
  description: [
    '把报告输出为规范 JSON、逐单元格 CSV（UTF-8 带 BOM，Excel 可直接打开）或独立的 HTML 页面（标出检查发现的问题）。',
    'Renders a report as canonical JSON, one CSV row per cell (UTF-8 with BOM for Excel), or a standalone',
    'HTML page of the official tables with failing cells marked. Exit 2 when the input is not a report.',
  ].join('\n'),
  options: {
    to: { type: 'string', valueName: 'json|csv|html', description: '输出格式 / output format' },
  },
  positionals: ['FILE'],
  async run({ values, positionals }, io) {
    const format = formatOf(values.to);
    const input = await readInput(positionals[0] ?? '-', io);
    if (format === 'html') {
      const { report, findings } = await checkReport(input);
      io.stdout.write(standalonePage(report, findings));
      return EXIT.ok;
    }
    const { report } = await parseReport(input);
    io.stdout.write(format === 'json' ? renderReportJson(report) : renderReportCsv(report));
    return EXIT.ok;
  },
});
