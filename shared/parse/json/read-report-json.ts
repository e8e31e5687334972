/**
 * Canonical JSON input (what `normalize` prints and the API returns) is accepted as it is, after one
 * schema check: the only place a report is validated with zod, since the other readers build the model
 * by construction.
 */
import { ReportParseError } from '#shared/errors.ts';
import { type Report, ReportSchema } from '#shared/report/model.ts';

const SHOWN_ISSUES = 5;

export function readReportJson(text: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ReportParseError(
      'INVALID_JSON',
      {
        zh: `JSON 格式无效，无法解析（${detail}）。`,
        en: `The JSON is not well-formed (${detail}).`,
      },
      { cause },
    );
  }
  const parsed = ReportSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, SHOWN_ISSUES).map((i) => {
    const path = i.path.map(String).join('.') || '(根)';
    return `${path}：${i.message}`;
  });
  const more = parsed.error.issues.length > SHOWN_ISSUES ? ` 等共 ${parsed.error.issues.length} 处` : '';
  throw new ReportParseError('SCHEMA_MISMATCH', {
    zh: `JSON 不符合年度报告的规范格式：${issues.join('；')}${more}。`,
    en: `The JSON does not match the canonical report schema: ${issues.join('; ')}.`,
  });
}
