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
