import { PART_LABELS, TABLE_LABELS, type TableKey } from '#shared/report/labels.ts';
import { escapeHtml } from '../escape-html.ts';

const PART_OF_TABLE: Readonly<Record<TableKey, string>> = {
  proactiveDisclosure: '二',
  applications: '三',
  reviewsAndLawsuits: '四',
};

/** The table's part heading as the report prints it, e.g. 三、收到和处理政府信息公开申请情况. */
export function tableCaption(table: TableKey): string {
  const numeral = PART_OF_TABLE[table];
  const title = PART_LABELS.find((p) => p.numeral === numeral)?.title ?? TABLE_LABELS[table].title;
  return `<caption>${escapeHtml(`${numeral}、${title}`)}</caption>`;
}
