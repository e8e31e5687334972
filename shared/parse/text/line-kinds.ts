/**
 * How a line of a plain-text report looks, independent of its layout: prose (a sentence) or something
 * short enough to be a table cell or a heading.
 */
/** Table labels are at most ~40 characters (the longest template label is 38); prose is longer. */
const MAX_CELL_LENGTH = 64;
const SENTENCE_END = /[。！？；]/;

/** A short line without sentence punctuation: a table cell, a heading, a signature or a date. */
export function isCellLike(trimmed: string, maxLength = MAX_CELL_LENGTH): boolean {
  if (trimmed.length < 3) return true;
  return trimmed.length <= maxLength && !SENTENCE_END.test(trimmed);
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}
