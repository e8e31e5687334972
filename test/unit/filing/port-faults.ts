/** Ports that fail or behave differently at one method, as a process dying at that step would. */

/** The port, whose `method` rejects on its first `times` calls and then works. */
export function failingFirst<T extends object>(port: T, method: keyof T, times = 1): T {
  let left = times;
  return overriding(port, method, (original) => (...args: unknown[]) => {
    if (left <= 0) return original(...args);
    left -= 1;
    return Promise.reject(new Error(`injected failure in ${String(method)}`));
  });
}

/** The port with one method replaced; the replacement may call the original. */
export function overriding<T extends object>(
  port: T,
  method: keyof T,
  replace: (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown,
): T {
  return new Proxy(port, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      const bound = value.bind(target) as (...args: unknown[]) => unknown;
      return key === method ? replace(bound) : bound;
    },
  });
}
