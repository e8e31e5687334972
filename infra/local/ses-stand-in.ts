/**
 * aws-ses-v2-local: accepts SESv2 (and SES v1) SendEmail from the real SDK and keeps the messages
 * in memory, so mail the application sends can be read at `/_local/mail` instead of leaving the box.
 */
import type { Server } from 'node:http';
import * as sesLocal from 'aws-ses-v2-local';
import { closeServer, urlOf } from './http-io.ts';

export interface SesStandIn {
  readonly endpoint: string;
  /** The captured messages, newest last. */
  inbox(): Promise<unknown[]>;
  close(): Promise<void>;
}

type StartSes = (config: { host: string; port: number }) => Promise<Server>;

export async function startSesStandIn(port = 0): Promise<SesStandIn> {
  const server = await startFunction()({ host: '127.0.0.1', port });
  const endpoint = urlOf(server);
  return {
    endpoint,
    async inbox() {
      const store: unknown = await (await fetch(`${endpoint}/store`)).json();
      const emails = typeof store === 'object' && store !== null ? (store as { emails?: unknown }).emails : undefined;
      return Array.isArray(emails) ? emails : [];
    },
    close: () => closeServer(server),
  };
}

/** The package is CommonJS with an `exports.default`; Node, tsx and vitest each wrap that differently. */
function startFunction(): StartSes {
  const candidates: unknown[] = [sesLocal.default, (sesLocal.default as { default?: unknown } | undefined)?.default];
  const found = candidates.find((candidate) => typeof candidate === 'function');
  if (!found) throw new Error('aws-ses-v2-local exports no server function');
  return found as StartSes;
}
