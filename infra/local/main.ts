/**
 * `npm start`: the whole system on this machine. PORT (default 3000) and GONGKAI_HOME (default
 * ./.gongkai) are read here; Ctrl-C or SIGTERM stops every server and closes the databases, and the
 * next start finds the data where it was left.
 */
import { isAbsolute, relative } from 'node:path';
import { REVIEW_CONFIG_ENV } from '../../shared/review/review-config.ts';
import { formatBanner } from './banner.ts';
import { readDemoReview } from './demo-registry.ts';
import { REPOSITORY_ROOT, startLocal } from './runner.ts';

const DEFAULT_PORT = 3000;

function portFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, not "${raw}"`);
  return port;
}

/** `.gongkai` when the home is under the working directory, else the absolute path. */
function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}

/**
 * The AWS SDK warns on every start that its 2027 releases will need Node 22; the README says so once.
 * Every other warning is still printed.
 */
function quietenSdkNodeVersionWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    const text = `${warning.name}: ${warning.message}`;
    if (!text.includes('NodeVersionSupportWarning')) console.error(`(node:${process.pid}) ${text}`);
  });
}

async function main(): Promise<void> {
  quietenSdkNodeVersionWarning();
  const startedAt = Date.now();
  // The demo holds 曲江区's departments for review unless the variable says otherwise (empty: no review).
  const review = process.env[REVIEW_CONFIG_ENV] ?? (await readDemoReview(REPOSITORY_ROOT));
  const local = await startLocal({
    port: portFromEnv(process.env.PORT),
    importSamples: true,
    configuration: { [REVIEW_CONFIG_ENV]: review },
  });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl-C means now.
      process.exit(130);
    }
    stopping = true;
    console.error(`\n[local] ${signal}: stopping…`);
    local.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[local] stop failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  console.log(
    formatBanner({
      url: local.url.replace('127.0.0.1', 'localhost'),
      home: displayPath(local.home),
      adminToken: local.adminToken,
      demoTokens: local.demoTokens,
      demoAgencies: local.demoAgencies,
      demoContacts: local.demoContacts,
      nextRuns: local.nextRuns(),
      startedInMs: Date.now() - startedAt,
    }),
  );
}

main().catch((error: unknown) => {
  console.error('[local] could not start:', error instanceof Error ? error.message : error);
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
    console.error('[local] another port: PORT=3001 npm start');
  process.exit(1);
});
