/**
 * Leaf schemas that many stored records and event details share, built once. Zod schemas are immutable, so
 * one instance serves every field that checks the same thing, and each field's schema is not built again
 * at every function's start.
 */
import * as z from './zod.ts';

export const nonEmptyString = z.string().check(z.minLength(1));
export const nullableString = z.nullable(z.string());
export const integer = z.number().check(z.int());
export const positiveInteger = z.number().check(z.int(), z.positive());
export const nonNegativeInteger = z.number().check(z.int(), z.nonnegative());
export const isoDateTime = z.iso.datetime();
export const nullableIsoDateTime = z.nullable(isoDateTime);
export const nullableIsoDate = z.nullable(z.iso.date());
