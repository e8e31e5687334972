/** Page cursors over DynamoDB: the LastEvaluatedKey, base64url-encoded, checked when it comes back. */
import { FilingError } from '#shared/filing/errors.ts';

type Key = Record<string, string>;

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : undefined;
}

/** A cursor is caller input: anything but a flat map of strings is refused, never passed to DynamoDB. */
export function decodeCursor(cursor: string | undefined): Key | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isFlatStringMap(value)) return value;
  } catch {
    // falls through to the typed refusal
  }
  throw new FilingError('INVALID_REQUEST', { zh: '分页游标无效', en: 'The page cursor is not valid' });
}

function isFlatStringMap(value: unknown): value is Key {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}
