/** The JSON Schema of a report, published beside the datasets (`/data/schema.json`). */

import { ReportSchema } from '#shared/report/model.ts';
import * as z from '#shared/zod.ts';

export function renderReportJsonSchema(): string {
  const schema = z.toJSONSchema(ReportSchema, { io: 'output', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: '政府信息公开工作年度报告（canonical report）' }, null, 2)}\n`;
}
