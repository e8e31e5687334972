/** Debian's Chromium through playwright-core, headless, as the browser tests drive it. */
import { type Browser, chromium } from 'playwright-core';

export const SCREENSHOTS = 'test-results';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}
