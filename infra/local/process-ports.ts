/**
 * Handler modules are imported once per process and build their SDK clients at import time, and
 * SDK v3 resolves `AWS_ENDPOINT_URL_*` once per client. So a local system started again in the same
 * process (a restart in a test) must come back on the ports the first one used, and two cannot run
 * side by side.
 */
import { createServer } from 'node:net';
import type { StandInPorts } from './stand-ins.ts';

export interface ProcessPorts {
  readonly http: number;
  readonly standIns: StandInPorts;
  readonly eventBus: number;
  /** Records the endpoints the handlers were built with. */
  remember(endpoints: { dynamodb: string; s3: string; ses: string; sqs: string; eventBridge: string }): void;
  release(): void;
}

let running = false;
let remembered: { standIns: StandInPorts; eventBus: number } | undefined;

export function reservePorts(httpPort = 0): ProcessPorts {
  if (running) throw new Error('a local system is already running in this process; stop it first');
  running = true;
  return {
    http: httpPort,
    standIns: remembered?.standIns ?? {},
    eventBus: remembered?.eventBus ?? 0,
    remember(endpoints) {
      remembered ??= {
        standIns: {
          dynamodb: portOf(endpoints.dynamodb),
          s3: portOf(endpoints.s3),
          ses: portOf(endpoints.ses),
          sqs: portOf(endpoints.sqs),
        },
        eventBus: portOf(endpoints.eventBridge),
      };
    },
    release() {
      running = false;
    },
  };
}

function portOf(endpoint: string): number {
  return Number(new URL(endpoint).port);
}

/**
 * The HTTP port to listen on, known before anything starts: the site's absolute links name it, and the
 * functions read it at load. Port 0 asks the system for a free one (released at once, taken by the gateway).
 */
export async function chooseHttpPort(port = 0): Promise<number> {
  if (port !== 0) return port;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port: free } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return free;
}
