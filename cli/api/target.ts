/**
 * Which filing API the CLI talks to, and as whom: flags, then GONGKAI_ENDPOINT / GONGKAI_TOKEN, then the
 * local runner (http://localhost:$PORT, as `npm start` reads PORT, and the admin token it writes to
 * $GONGKAI_HOME/admin-token).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OptionSpecs, OptionValues } from '../command.ts';
import { CliFailure } from '../failure.ts';
import type { CliIo } from '../io.ts';

/** The port `npm start` listens on when PORT is unset. */
export const DEFAULT_LOCAL_PORT = 3000;

/** The local runner's URL: on PORT, as `npm start` reads it (a PORT that is no port number is refused). */
export function localEndpoint(env: Readonly<Record<string, string | undefined>>): string {
  const raw = env.PORT;
  if (raw === undefined || raw === '') return `http://localhost:${DEFAULT_LOCAL_PORT}`;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new CliFailure(`PORT 须为端口号：${raw}`, `PORT must be a port number, not "${raw}"`);
  }
  return `http://localhost:${port}`;
}

export const API_OPTIONS = {
  endpoint: {
    type: 'string',
    valueName: 'URL',
    description: `接口地址 / API base URL (env GONGKAI_ENDPOINT, default the local runner: http://localhost:$PORT, PORT default ${DEFAULT_LOCAL_PORT})`,
  },
  token: {
    type: 'string',
    valueName: 'TOKEN',
    description: '访问令牌 / bearer token (env GONGKAI_TOKEN, default the local admin token)',
  },
} as const satisfies OptionSpecs;

export interface ApiTarget {
  /** Base URL without a trailing slash. */
  readonly endpoint: string;
  readonly token: string | null;
}

function checkedEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliFailure(`接口地址无效：${raw}`, `invalid endpoint URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliFailure(`接口地址须为 http 或 https：${raw}`, `the endpoint must be http or https: ${raw}`);
  }
  return url.href.replace(/\/+$/, '');
}

export function gongkaiHome(io: CliIo): string {
  return resolve(io.cwd, io.env.GONGKAI_HOME || '.gongkai');
}

async function localAdminToken(io: CliIo): Promise<string | null> {
  const token = (await readFile(join(gongkaiHome(io), 'admin-token'), 'utf8').catch(() => '')).trim();
  return token === '' ? null : token;
}

/** The token the local runner issued to a demo agency (`demo-tokens.json`: agency id → token). */
async function localAgencyToken(io: CliIo, agencyId: string): Promise<string> {
  const file = join(gongkaiHome(io), 'demo-tokens.json');
  let tokens: unknown;
  try {
    tokens = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    tokens = {};
  }
  const token = (tokens as Record<string, unknown>)[agencyId];
  if (typeof token === 'string' && token !== '') return token;
  throw new CliFailure(
    `本地没有机关 ${agencyId} 的令牌（${file}），请用 --token 指定`,
    `no local token for agency ${agencyId} in ${file}; pass --token`,
  );
}

/**
 * `asAgency` names a demo agency whose local token stands in when no token is given (an agency files
 * its own report; the admin token may not).
 */
export async function resolveApiTarget(
  values: OptionValues<typeof API_OPTIONS>,
  io: CliIo,
  asAgency?: string,
): Promise<ApiTarget> {
  const endpoint = checkedEndpoint(values.endpoint ?? (io.env.GONGKAI_ENDPOINT || localEndpoint(io.env)));
  const given = values.token ?? io.env.GONGKAI_TOKEN;
  if (given) return { endpoint, token: given };
  return { endpoint, token: asAgency ? await localAgencyToken(io, asAgency) : await localAdminToken(io) };
}
