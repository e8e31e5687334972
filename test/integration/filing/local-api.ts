/** The whole system through the local runner's HTTP API (the same one `npm start` serves). */
import type { LocalSystem, StartLocalOptions } from '#infra/local/runner.ts';
import { startTemporaryLocal } from '../../helpers/temporary-local.ts';

export interface LocalApi {
  readonly system: LocalSystem;
  request(
    method: string,
    path: string,
    init?: { token?: string | undefined; body?: BodyInit; contentType?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse>;
  stop(): Promise<void>;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: Record<string, unknown> & { error?: { code: string; message: { zh: string; en: string } } };
}

export async function startLocalApi(options: Pick<StartLocalOptions, 'configuration'> = {}): Promise<LocalApi> {
  const system = await startTemporaryLocal('api', options);
  return {
    system,
    async request(method, path, init = {}) {
      const response = await fetch(`${system.url}${path}`, {
        method,
        headers: {
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.contentType ? { 'content-type': init.contentType } : {}),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: init.body }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : {} };
    },
    stop: system.stop,
  };
}

/** Polls until `check` holds or the deadline passes (effects of events arrive asynchronously). */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  deadlineMs = 15_000,
): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
