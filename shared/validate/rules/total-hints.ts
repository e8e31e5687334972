/**
 * A printed 总计 of 0 above non-zero parts is the classic copy-paste error of real reports (two of the
 * sample reports print it in 表四); saying so helps the filer more than the bare numbers.
 */
import type { Message } from '../messages.ts';

const NONE: Message = { zh: '。', en: '.' };

export function zeroTotalHint(total: number, parts: readonly number[]): Message {
  if (total !== 0 || parts.every((p) => p === 0)) return NONE;
  return {
    zh: '。总计填了 0 而分项不为 0，常见于复制表格时漏改总计。',
    en: '. The total is 0 while its parts are not, a common copy-paste slip.',
  };
}
