/**
 * The one error for a file that would cost more to read than any real report: too many elements, text
 * items or pages, too deep, or beyond the reader's time or memory. Sizes (bytes in, bytes inflated) are
 * INPUT_TOO_LARGE instead.
 */
import { type LocalizedMessage, ReportParseError } from '../errors.ts';

export function documentTooComplex(detail?: LocalizedMessage, cause?: unknown): ReportParseError {
  const zh = detail
    ? `${detail.zh}这不是一份年度报告的正常结构，请在 Word/WPS 中重新导出后上传。`
    : '文件结构异常复杂，超出了读取的时间、内存或元素数量上限，不是一份年度报告的正常结构。请在 Word/WPS 中重新导出后上传。';
  const en = detail
    ? `${detail.en} That is not how a report is built; export it again and upload the new file.`
    : 'The document is too complex to read within the time, memory and element limits; export it again and upload the new file.';
  return new ReportParseError('DOCUMENT_TOO_COMPLEX', { zh, en }, cause === undefined ? undefined : { cause });
}
