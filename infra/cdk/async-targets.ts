import { type AppDeclaration, FUNCTION_DEFAULTS } from '../declaration.ts';

export const DEFAULT_MAX_ATTEMPTS = FUNCTION_DEFAULTS.maxAttempts;
// Lambda retries a failed asynchronous invocation at most twice.
const LAMBDA_MAX_ASYNC_RETRIES = 2;

/**
 * Functions invoked asynchronously (by an event rule or a schedule), with how often Lambda retries a failed
 * invocation: as often as the most demanding subscription asks, within Lambda's limit.
 */
export function asyncTargets(app: AppDeclaration<string, string, string>): ReadonlyMap<string, number> {
  const attempts = new Map<string, number>();
  const note = (fn: string, maxAttempts: number) => attempts.set(fn, Math.max(attempts.get(fn) ?? 1, maxAttempts));
  for (const subscription of app.subscriptions) note(subscription.fn, subscription.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  for (const schedule of Object.values(app.schedules)) note(schedule.fn, DEFAULT_MAX_ATTEMPTS);
  return new Map(
    [...attempts].map(([fn, maxAttempts]) => [fn, Math.min(LAMBDA_MAX_ASYNC_RETRIES, maxAttempts - 1)] as const),
  );
}
