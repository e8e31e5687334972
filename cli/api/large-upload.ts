/**
 * Files too large for a request body (API Gateway's limit) go the way the API names in its 413: open an
 * upload, POST the bytes as a form with the presigned fields, then poll the submission until it is decided.
 * The bucket itself refuses a file over the cap the API signed, so a too-large file is refused here first.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import { CliFailure } from '../failure.ts';
import type { InputFile } from '../read-input.ts';
import { type ApiClient, type ApiResponse, apiErrorOf } from './client.ts';

/** Reading a large scanned PDF takes the event handler up to its two-minute timeout, plus retries. */
const DECISION_DEADLINE_MS = 10 * 60_000;

const OpenedUploadSchema = z.object({
  upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }).nullable(),
  maxBytes: z.number().int().positive(),
  poll: z.string(),
});
type PresignedPost = NonNullable<z.infer<typeof OpenedUploadSchema>['upload']>;

export interface UploadRequest {
  readonly input: InputFile;
  readonly contentType: string;
  readonly amendmentReason?: string | undefined;
  readonly idempotencyKey?: string | undefined;
}

export function needsUpload(response: ApiResponse): boolean {
  return response.status === 413;
}

/** The signed fields in their order, then the file as the last field, as S3's POST upload requires. */
async function postBytes(upload: PresignedPost, request: UploadRequest, fetchImpl: typeof fetch): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(request.input.bytes)]), request.input.fileName ?? 'report');
  let response: Response;
  try {
    response = await fetchImpl(upload.url, { method: 'POST', body: form });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliFailure('上传文件失败', `the upload failed: ${detail}`);
  }
  if (!response.ok) {
    const code = /<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1] ?? '';
    throw new CliFailure('上传文件失败', `the upload answered HTTP ${response.status}${code ? ` ${code}` : ''}`);
  }
}

function refuseOversized(size: number, maxBytes: number): never {
  const mib = maxBytes / 1024 / 1024;
  throw new CliFailure(
    `文件过大（${size} 字节，超过 ${mib} MB），不是一份年度报告的正常大小`,
    `the file has ${size} bytes, over the ${mib} MiB an upload of its type may have`,
  );
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
  const { upload, maxBytes } = opened.data;
  // A replayed idempotency key whose file already arrived has no upload left: only the decision to wait for.
  if (upload) {
    if (request.input.bytes.length > maxBytes) refuseOversized(request.input.bytes.length, maxBytes);
    await postBytes(upload, request, fetchImpl);
  }
  return pollDecision(client, opened.data.poll);
}
