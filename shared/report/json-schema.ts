/**
 * The JSON Schema of a report, as published beside the datasets (`/data/schema.json`). Made from the model
 * by `npm run schema` into `shared/site/data/report-schema.json`, which the site build ships as it is: the
 * schema is a fact of the model, so no function builds the model's schemas to print it.
 */
import * as z from '#shared/zod.ts';
import { ReportSchema } from './model.ts';

export function renderReportJsonSchema(): string {
  const schema = z.toJSONSchema(ReportSchema, { io: 'output', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: '政府信息公开工作年度报告（canonical report）' }, null, 2)}\n`;
}
