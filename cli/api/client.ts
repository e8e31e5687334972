/**
 * The one HTTP client of the API commands. Transport and auth problems, and the API's error bodies
 * (`{"error":{"code","message":{"zh","en"}}}`), become one-line CLI failures here.
 */
import type { OptionValues } from '../command.ts';
import { CliFailure } from '../failure.ts';
import type { CliIo } from '../io.ts';
import { type API_OPTIONS, type ApiTarget, resolveApiTarget } from './target.ts';

/** Parsing a large PDF on a cold function can take a while; a dead endpoint should not hang a script. */
const REQUEST_TIMEOUT_MS = 120_000;

export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path with query, e.g. "/v1/reports?dryRun=true". */
  readonly path: string;
  /** A FormData body sets its own multipart content type. */
  readonly body?: Uint8Array | string | FormData;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

/** An error answer of the API, kept with its code so commands can tell a rejection from a failure. */
export class ApiError extends CliFailure {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, zh: string, en: string) {
    super(`${zh}（HTTP ${status} ${code}）`, `${en} (HTTP ${status} ${code})`);
    this.status = status;
    this.code = code;
  }
}

interface ErrorBody {
  readonly code?: unknown;
  readonly message?: { readonly zh?: unknown; readonly en?: unknown };
  readonly details?: { readonly issues?: unknown };
}

/** zod issues the API lists for an invalid request, as "path: message; …". */
function issuesOf(details: ErrorBody['details']): string {
  if (!Array.isArray(details?.issues)) return '';
  const issues = details.issues.map((issue: { path?: unknown; message?: unknown }) =>
    [issue.path, issue.message].filter((part) => typeof part === 'string' && part !== '').join(': '),
  );
  return issues.length > 0 ? `: ${issues.join('; ')}` : '';
}

/** The API's error body (`{"error":{"code","message":{"zh","en"}}}`) as a one-line failure. */
export function apiErrorOf(response: ApiResponse): ApiError {
  const error = (response.body as { error?: ErrorBody } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : 'HTTP_ERROR';
  const zh = typeof error?.message?.zh === 'string' ? error.message.zh : '接口返回错误';
  const en = typeof error?.message?.en === 'string' ? error.message.en : 'the API answered with an error';
  const hint = response.status === 401 ? '；请检查 --token 或 GONGKAI_TOKEN' : '';
  return new ApiError(response.status, code, `${zh}${hint}`, `${en}${issuesOf(error?.details)}`);
}

/** fetch wants bytes backed by a plain ArrayBuffer; a report is small enough to copy. */
function bodyInit(body: NonNullable<ApiRequest['body']>): BodyInit {
  return typeof body === 'string' || body instanceof FormData ? body : new Uint8Array(body);
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return { error: { code: 'NOT_JSON', message: { zh: '接口返回的不是 JSON', en: text.slice(0, 200) } } };
  }
}

export class ApiClient {
  readonly target: ApiTarget;
  private readonly fetchImpl: typeof fetch;

  constructor(target: ApiTarget, fetchImpl: typeof fetch) {
    this.target = target;
    this.fetchImpl = fetchImpl;
  }

  /** Sends a request and returns any answer the API gave, error statuses included. */
  async send(request: ApiRequest): Promise<ApiResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (this.target.token) headers.authorization = `Bearer ${this.target.token}`;
    if (request.contentType) headers['content-type'] = request.contentType;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.target.endpoint}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: bodyInit(request.body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      const detail = typeof cause === 'string' ? cause : error instanceof Error ? error.message : String(error);
      throw new CliFailure(`无法连接接口 ${this.target.endpoint}`, `cannot reach ${this.target.endpoint}: ${detail}`);
    }
    return { status: response.status, body: await bodyOf(response) };
  }

  /** Sends a request and throws the API's error unless the status is 2xx. */
  async call(request: ApiRequest): Promise<unknown> {
    const response = await this.send(request);
    if (response.status < 200 || response.status >= 300) throw apiErrorOf(response);
    return response.body;
  }
}

export async function apiClientFor(
  values: OptionValues<typeof API_OPTIONS>,
  io: CliIo,
  asAgency?: string,
): Promise<ApiClient> {
  return new ApiClient(await resolveApiTarget(values, io, asAgency), io.fetch);
}
