/** Sends a file with a presigned POST as a browser form does: the signed fields in order, then `file`. */
export interface PresignedUpload {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
}

export function isPresignedUpload(value: unknown): value is PresignedUpload {
  const upload = value as PresignedUpload | null;
  return typeof upload?.url === 'string' && typeof upload.fields === 'object' && upload.fields !== null;
}

export async function postUpload(
  upload: unknown,
  bytes: Uint8Array,
  override: Readonly<Record<string, string>> = {},
): Promise<Response> {
  if (!isPresignedUpload(upload)) throw new Error(`not a presigned POST: ${JSON.stringify(upload)}`);
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...upload.fields, ...override })) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)]), 'report');
  return fetch(upload.url, { method: 'POST', body: form });
}
