/** Plain-text tables of a deadline run and of the notices sent, for `gongkai deadlines run` / `notices list`. */
import * as z from 'zod';

const KIND_LABELS: Readonly<Record<string, string>> = { dueSoon: '即将到期', overdue: '已逾期', escalated: '督办' };

export const PlannedNoticeSchema = z.object({
  kind: z.string(),
  stage: z.string(),
  agencyId: z.string(),
  year: z.number(),
  deadline: z.string(),
  recipients: z.array(z.string()),
});
export const DeadlineRunSchema = z.object({
  asOf: z.string(),
  year: z.number(),
  dryRun: z.boolean(),
  agencies: z.number(),
  notices: z.array(PlannedNoticeSchema),
});
export type DeadlineRunBody = z.infer<typeof DeadlineRunSchema>;

export const NoticeSchema = z.object({
  agencyId: z.string(),
  year: z.number(),
  kind: z.string(),
  stage: z.string(),
  to: z.array(z.string()),
  sentAt: z.string().nullable(),
  status: z.string(),
});
export type NoticeBody = z.infer<typeof NoticeSchema>;

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => width(row[column] ?? '')))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => pad(cell, widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** CJK characters take two columns in a terminal. */
function width(text: string): number {
  return [...text].reduce((sum, char) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0);
}
function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

export function formatDeadlineRun(run: DeadlineRunBody): string {
  const verb = run.dryRun ? '将发出 would emit' : '已发出 emitted';
  const head = `${run.asOf}（${run.year}年度报告，${run.agencies}个机关）${verb} ${run.notices.length} 条通知 / notices`;
  if (run.notices.length === 0) return head;
  const rows = run.notices.map((n) => [
    n.agencyId,
    KIND_LABELS[n.kind] ?? n.kind,
    n.stage,
    n.deadline,
    n.recipients.join(',') || '—',
  ]);
  return `${head}\n${table([['机关 agency', '类型 kind', 'stage', '截止 deadline', '收件人 to'], ...rows])}`;
}

export function formatNotices(notices: readonly NoticeBody[]): string {
  if (notices.length === 0) return '尚无通知 / no notices';
  const rows = notices.map((n) => [
    n.agencyId,
    String(n.year),
    n.kind,
    n.stage,
    n.to.join(',') || '—',
    n.sentAt ?? '—',
    n.status,
  ]);
  return table([['机关 agency', '年度 year', 'kind', 'stage', '收件人 to', '发送时间 sentAt', '状态 status'], ...rows]);
}
