/**
 * Files too large for a request body (API Gateway's limit) go the way the API names in its 413: open an
 * upload, PUT the bytes to the presigned URL, then poll the submission until it is decided.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { CliFailure } from '../failure.ts';
import type { InputFile } from '../read-input.ts';
import { type ApiClient, type ApiResponse, apiErrorOf } from './client.ts';

/** Reading a large scanned PDF takes the event handler up to its two-minute timeout, plus retries. */
const DECISION_DEADLINE_MS = 10 * 60_000;

const OpenedUploadSchema = z.object({ uploadUrl: z.string().nullable(), poll: z.string() });

export interface UploadRequest {
  readonly input: InputFile;
  readonly contentType: string;
  readonly amendmentReason?: string | undefined;
  readonly idempotencyKey?: string | undefined;
}

export function needsUpload(response: ApiResponse): boolean {
  return response.status === 413;
}

async function putBytes(url: string, request: UploadRequest, fetchImpl: typeof fetch): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(url, { method: 'PUT', body: new Uint8Array(request.input.bytes) });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliFailure('上传文件失败', `the upload failed: ${detail}`);
  }
  if (!response.ok) throw new CliFailure('上传文件失败', `the upload answered HTTP ${response.status}`);
}

/** Waits, backing off to 2 s between polls, until the submission is no longer processing. */
async function pollDecision(client: ApiClient, path: string): Promise<ApiResponse> {
  const deadline = Date.now() + DECISION_DEADLINE_MS;
  for (let wait = 250; Date.now() < deadline; wait = Math.min(wait * 2, 2000)) {
    const response = await client.send({ method: 'GET', path });
    if (response.status !== 200) throw apiErrorOf(response);
    if ((response.body as { status?: unknown } | null)?.status !== 'processing') return response;
    await sleep(wait);
  }
  throw new CliFailure(
    `文件已上传，但 10 分钟内未处理完；稍后查询 ${path}`,
    `uploaded, but still processing; poll ${path}`,
  );
}

export async function submitByUpload(
  client: ApiClient,
  request: UploadRequest,
  fetchImpl: typeof fetch,
): Promise<ApiResponse> {
  const body = {
    contentType: request.contentType,
    ...(request.input.fileName ? { fileName: request.input.fileName } : {}),
    ...(request.amendmentReason ? { amendmentReason: request.amendmentReason } : {}),
  };
  const opened = OpenedUploadSchema.safeParse(
    await client.call({
      method: 'POST',
      path: '/v1/uploads',
      body: JSON.stringify(body),
      contentType: 'application/json',
      headers: request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {},
    }),
  );
  if (!opened.success) throw new CliFailure('接口返回的上传地址格式不对', 'the API answered with an unexpected upload');
  // A replayed idempotency key whose file already arrived has no URL left: only the decision to wait for.
  if (opened.data.uploadUrl) await putBytes(opened.data.uploadUrl, request, fetchImpl);
  return pollDecision(client, opened.data.poll);
}
