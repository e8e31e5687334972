import { TABLE_LABELS, type TableKey } from '#shared/report/labels.ts';

/** The outermost group of 表三 adds length without helping a filer find the row (as in paths.ts). */
const RESULTS_GROUP = '三、本年度办理结果';

/** How findings name a template row: 表三 › （四）无法提供 › 1.本机关不掌握相关政府信息. */
export function rowName(table: TableKey, row: { readonly label: string; readonly groups: readonly string[] }): string {
  const groups = row.groups.filter((g) => g !== RESULTS_GROUP);
  return [TABLE_LABELS[table].short, ...groups, row.label].join(' › ');
}
