/**
 * The whole local system as the integration and browser tests start it: in a fresh temporary home, quiet, any
 * free port, no cron timers (schedules are triggered by hand), and short queue delays and retries so a test
 * does not wait out production batching windows. `stop()` also deletes the home.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalSystem, type StartLocalOptions, startLocal } from '#infra/local/runner.ts';

export async function startTemporaryLocal(
  name: string,
  options: Omit<StartLocalOptions, 'home' | 'port'> = {},
): Promise<LocalSystem> {
  const home = await mkdtemp(join(tmpdir(), `gongkai-${name}-`));
  try {
    const system = await startLocal({
      port: 0,
      home,
      quiet: true,
      runSchedules: false,
      queueDelayMs: 100,
      retryBaseMs: 10,
      ...options,
    });
    return {
      ...system,
      async stop() {
        await system.stop();
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(home, { recursive: true, force: true });
    throw error;
  }
}
