/**
 * A filing receipt as `gongkai submit` prints it: the decision first, then the findings with the
 * printed label trail of each cell, as `gongkai check` shows them.
 */
import * as z from 'zod';
import { FindingSchema } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { cellRefs } from '#shared/report/paths.ts';
import { formatFinding, summaryLine } from './findings-report.ts';
import type { Style } from './style.ts';

/** The receipt fields the CLI prints; the API may add others. */
export const ReceiptViewSchema = z.object({
  submissionId: z.string(),
  status: z.enum(['processing', 'accepted', 'rejected']),
  agencyId: z.string(),
  year: z.number().nullable(),
  version: z.number().nullable(),
  findings: z.array(FindingSchema),
  rejectionReason: z.string().nullable().optional(),
  error: z
    .object({ code: z.string(), message: z.object({ zh: z.string(), en: z.string() }) })
    .nullable()
    .optional(),
  duplicateOf: z.string().nullable().optional(),
});
export type ReceiptView = z.infer<typeof ReceiptViewSchema>;

const SHAPES: readonly Report['shapes'][] = [
  { proactiveDisclosure: '2021', applications: '25-row' },
  { proactiveDisclosure: '2021', applications: '23-row' },
  { proactiveDisclosure: '2019', applications: '25-row' },
  { proactiveDisclosure: '2019', applications: '23-row' },
];

/** A receipt carries findings but not the report, so the table shapes are those every cell path fits. */
export function shapesOfPaths(paths: readonly string[]): Report['shapes'] {
  const cellPaths = paths.filter((p) => !p.startsWith('text.'));
  const fits = (shapes: Report['shapes']) => {
    const known = new Set(cellRefs(shapes).map((r) => r.path));
    return cellPaths.every((p) => known.has(p));
  };
  return SHAPES.find(fits) ?? (SHAPES[0] as Report['shapes']);
}

const STATUS_LINES = {
  accepted: (r: ReceiptView) =>
    `已受理 accepted：${r.agencyId} ${r.year ?? ''}年度 第 ${r.version ?? '?'} 版 / version ${r.version ?? '?'}`,
  rejected: (r: ReceiptView) => `已退回 rejected：${r.agencyId}（原因 reason: ${r.rejectionReason ?? 'unknown'}）`,
  processing: (r: ReceiptView) => `处理中 processing：${r.agencyId}`,
} as const;

export function formatReceipt(receipt: ReceiptView, style: Style, note?: string): string {
  const paint = receipt.status === 'accepted' ? style.green : receipt.status === 'rejected' ? style.red : style.yellow;
  const lines = [
    style.bold(paint(STATUS_LINES[receipt.status](receipt))),
    `提交编号 submission: ${receipt.submissionId}`,
  ];
  if (note) lines.push(note);
  if (receipt.duplicateOf) lines.push(`与 ${receipt.duplicateOf} 内容相同 / same file as ${receipt.duplicateOf}`);
  if (receipt.error) lines.push(`${receipt.error.message.zh} / ${receipt.error.message.en} [${receipt.error.code}]`);
  const shapes = shapesOfPaths(receipt.findings.flatMap((f) => f.paths));
  if (receipt.findings.length > 0) lines.push('');
  for (const finding of receipt.findings) lines.push(...formatFinding(finding, shapes, style));
  lines.push('', summaryLine(receipt.findings, style), '');
  return lines.join('\n');
}
