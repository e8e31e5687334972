/** Debian's Chromium through playwright-core, headless, as the browser tests drive it. */
import { mkdir } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { LocalSystem, StartLocalOptions } from '#infra/local/runner.ts';
import { startTemporaryLocal } from '../helpers/temporary-local.ts';

export const SCREENSHOTS = 'test-results';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}

/**
 * What every browser test stands on: the whole local system in a temp home (demo registry seeded), Chromium,
 * and a record of every dialog a page opened — an XSS test fails on any — all torn down by `stop()`.
 */
export interface BrowserStage {
  readonly local: LocalSystem;
  readonly browser: Browser;
  readonly dialogs: string[];
  newPage(options?: Parameters<Browser['newPage']>[0]): Promise<Page>;
  stop(): Promise<void>;
}

export async function startBrowserStage(
  name: string,
  options: Pick<StartLocalOptions, 'configuration'> = {},
): Promise<BrowserStage> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const local = await startTemporaryLocal(name, options);
  const browser = await launchChromium();
  const dialogs: string[] = [];
  return {
    local,
    browser,
    dialogs,
    async newPage(options = {}) {
      const page = await browser.newPage(options);
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      return page;
    },
    async stop() {
      await browser.close();
      await local.stop();
    },
  };
}
