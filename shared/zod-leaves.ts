/**
 * Leaf schemas that many stored records and event details share, each built once, at its first use. Zod schemas
 * are immutable, so one instance serves every field that checks the same thing.
 */
import * as z from './zod.ts';

export const nonEmptyString = z.lazy(() => z.string().check(z.minLength(1)));
export const nullableString = z.lazy(() => z.nullable(z.string()));
export const integer = z.lazy(() => z.number().check(z.int()));
export const positiveInteger = z.lazy(() => z.number().check(z.int(), z.positive()));
export const nonNegativeInteger = z.lazy(() => z.number().check(z.int(), z.nonnegative()));
export const isoDateTime = z.lazy(() => z.iso.datetime());
export const nullableIsoDateTime = z.lazy(() => z.nullable(isoDateTime));
export const nullableIsoDate = z.lazy(() => z.nullable(z.iso.date()));
/** A sha256 digest in lowercase hex: a filed file's, a token's, a session cookie's, a sign-in code's. */
export const sha256Hex = z.lazy(() => z.string().check(z.regex(/^[0-9a-f]{64}$/)));
