/**
 * The subset of EventBridge event-pattern matching the declaration can express: exact values,
 * `prefix`, `exists` and `anything-but`, nested to any depth. A subscription becomes a pattern
 * the same way the CDK rule gets one, so what matches locally matches on AWS.
 */
import type { SubscriptionDecl } from '../declaration.ts';

export type PatternValue = string | number | boolean | null | PatternOperator;
export type PatternOperator =
  | { readonly prefix: string }
  | { readonly exists: boolean }
  | { readonly 'anything-but': string | number | readonly (string | number)[] };
export interface EventPattern {
  readonly [field: string]: readonly PatternValue[] | EventPattern;
}

/** The rule pattern a subscription stands for: its source and any of its detail-types. */
export function patternOfSubscription(subscription: SubscriptionDecl<string>): EventPattern {
  return { source: [subscription.source], 'detail-type': [...subscription.detailTypes] };
}

/** True when every field of the pattern matches the event, as EventBridge evaluates rules. */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    const actual = isRecord(event) ? event[field] : undefined;
    if (Array.isArray(expected)) return matchesField(expected as readonly PatternValue[], actual);
    return matchesPattern(expected as EventPattern, actual);
  });
}

function matchesField(expected: readonly PatternValue[], actual: unknown): boolean {
  const candidates = Array.isArray(actual) ? actual : [actual];
  return expected.some((rule) => {
    if (isRecord(rule) && 'exists' in rule) return (actual !== undefined) === rule.exists;
    return candidates.some((value) => value !== undefined && matchesValue(rule, value));
  });
}

function matchesValue(rule: PatternValue, value: unknown): boolean {
  if (!isRecord(rule)) return rule === value;
  if ('prefix' in rule) return typeof value === 'string' && value.startsWith(rule.prefix);
  if ('anything-but' in rule) {
    const excluded = rule['anything-but'];
    return !(Array.isArray(excluded) ? excluded : [excluded]).includes(value as string | number);
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
