import { checkReport } from '#shared/check-report.ts';
import { AGENCY_KINDS, AgencyKindSchema } from '#shared/registry/agency.ts';
import { hasErrors } from '#shared/report/findings.ts';
import { defineCommand } from '../command.ts';
import { EXIT, UsageError } from '../failure.ts';
import { formatFindingsReport } from '../format/findings-report.ts';
import { styleFor } from '../format/style.ts';
import { wantsColour } from '../io.ts';
import { readInput } from '../read-input.ts';

const SYNOPSIS = 'gongkai check FILE [--json] [--agency-kind KIND]';

function agencyKindOf(raw: string | undefined) {
  if (raw === undefined) return undefined;
  const kind = AgencyKindSchema.safeParse(raw);
  if (kind.success) return kind.data;
  const kinds = AGENCY_KINDS.join('|');
  throw new UsageError(`机关类型须为 ${kinds}`, `--agency-kind must be one of ${kinds}`, SYNOPSIS);
}

export const command = defineCommand({
  name: 'check',
  synopsis: SYNOPSIS,
  description: [
    '检查报告的每一条规则（勾稽关系等），按错误、警告分组列出，并给出单元格所在的表、行、列。',
    'Checks every rule and lists the findings with the printed label trail of each cell.',
    'Exit 0 no error finding, 1 error findings, 2 the input cannot be read as a report.',
    '上年度报告相关的规则（Y1–Y3）只在报送时检查 / year-on-year rules run only when filing.',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: '输出 {"report","findings"} JSON / print JSON instead of text' },
    'agency-kind': {
      type: 'string',
      valueName: 'KIND',
      description: `机关类型，启用 S2 / agency kind, enables S2 (${AGENCY_KINDS.join('|')})`,
    },
  },
  positionals: ['FILE'],
  async run({ values, positionals }, io) {
    const agencyKind = agencyKindOf(values['agency-kind']);
    const input = await readInput(positionals[0] ?? '-', io);
    const checked = await checkReport(input, agencyKind ? { agencyKind } : {});
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ report: checked.report, findings: checked.findings }, null, 2)}\n`);
    } else {
      io.stdout.write(formatFindingsReport(checked, styleFor(wantsColour(io.stdout, io.env))));
    }
    return hasErrors(checked.findings) ? EXIT.failed : EXIT.ok;
  },
});
