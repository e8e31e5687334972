/**
 * The environment a function's configuration is read from. On Lambda that is `process.env`: one function per
 * process, holding exactly the variables its declared `uses` produce. The local runner hosts every function in
 * one process, so it cannot narrow `process.env` per function; instead it runs each invocation inside
 * `withFunctionEnvironment(env, …)` with that function's own variables, and everything here reads through
 * `functionEnvironment()`. An AsyncLocalStorage follows the invocation through every `await`, so a variable
 * the function did not declare is missing locally as it would be on AWS. (Loading each function's modules
 * once per function instead would duplicate every module graph and split class identities across copies.)
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<NodeJS.ProcessEnv>();

export function functionEnvironment(): NodeJS.ProcessEnv {
  return current.getStore() ?? process.env;
}

export function withFunctionEnvironment<T>(env: NodeJS.ProcessEnv, run: () => T): T {
  return current.run(env, run);
}

/**
 * A value built on first use and kept for the container's life (SDK clients, adapters, config). Keyed by the
 * environment it was built from, so functions sharing one local process each get their own, as their own
 * containers would.
 */
export function perContainer<T>(build: (env: NodeJS.ProcessEnv) => T): () => T {
  const built = new WeakMap<NodeJS.ProcessEnv, { value: T }>();
  return () => {
    const env = functionEnvironment();
    let entry = built.get(env);
    if (entry === undefined) {
      entry = { value: build(env) };
      built.set(env, entry);
    }
    return entry.value;
  };
}
