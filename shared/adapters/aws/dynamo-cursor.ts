/** Page cursors over DynamoDB: the LastEvaluatedKey, base64url-encoded, checked when it comes back. */
import { FilingError } from '#shared/filing/errors.ts';

type Key = Record<string, string>;

/**
 * The key a query's pages may start after: attributes with the value the query fixes (its partition), and
 * attributes whose value must start with the prefix its key condition asks for. DynamoDB refuses any other
 * ExclusiveStartKey with a ValidationException, so a forged cursor is refused here, as the caller's 400.
 */
export interface CursorShape {
  readonly fixed: Readonly<Record<string, string>>;
  readonly prefixed: Readonly<Record<string, string>>;
}

/** DynamoDB's own bound on a sort key value; partition keys are shorter still. */
const MAX_KEY_CHARS = 1024;

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : undefined;
}

/** A cursor is caller input: anything but a key of the query's own shape is refused, never passed to DynamoDB. */
export function decodeCursor(cursor: string | undefined, shape: CursorShape): Key | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (fitsShape(value, shape)) return value;
  } catch {
    // falls through to the typed refusal
  }
  throw new FilingError('INVALID_REQUEST', { zh: '分页游标无效', en: 'The page cursor is not valid' });
}

function fitsShape(value: unknown, shape: CursorShape): value is Key {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  const names = [...Object.keys(shape.fixed), ...Object.keys(shape.prefixed)];
  if (entries.length !== names.length) return false;
  return entries.every(([name, v]) => {
    if (typeof v !== 'string' || v.length > MAX_KEY_CHARS) return false;
    const fixed = shape.fixed[name];
    if (fixed !== undefined) return v === fixed;
    const prefix = shape.prefixed[name];
    return prefix !== undefined && v.length > prefix.length && v.startsWith(prefix);
  });
}
