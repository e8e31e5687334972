/**
 * The filing API as the page uses it, on the page's own origin (CloudFront serves `/v1/*` next to
 * `/file/`; the local runner does the same). Every refusal becomes an ApiError with the API's Chinese message.
 */

export class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} zh @param {object} [details] */
  constructor(status, code, zh, details = {}) {
    super(zh);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const OFFLINE = new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试。');

/** Bodies above this go through a presigned upload: the API answers 413 past about 6 MB. */
export const DIRECT_LIMIT_BYTES = 5 * 1024 * 1024;

async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function refusal(status, body) {
  const error = body && typeof body === 'object' ? body.error : null;
  const zh = error?.message?.zh ?? `服务器返回了意外的结果（${status}），请稍后重试。`;
  return new ApiError(status, error?.code ?? 'UNEXPECTED', zh, error?.details ?? {});
}

/**
 * A report as the multipart `file` field, so GBK text and binary files stay bytes; the filer's explanations of
 * warnings, if any, in the `explanations` field.
 */
export function reportForm(input, explanations = {}) {
  const form = new FormData();
  if (input.kind === 'file') form.append('file', input.file, input.file.name);
  else form.append('file', new Blob([input.text], { type: 'text/plain;charset=utf-8' }), '粘贴的报告.txt');
  if (Object.keys(explanations).length > 0) form.append('explanations', JSON.stringify(explanations));
  return form;
}

const JSON_BODY = { 'content-type': 'application/json' };

/**
 * With a token, every call carries it; without one, the browser sends the session cookie (HttpOnly: this script
 * never sees it) that signing in by e-mail code set.
 * @param {() => string | null} tokenOf
 */
export function createApi(tokenOf) {
  async function call(method, path, { body, headers = {}, answers = [] } = {}) {
    let response;
    const token = tokenOf();
    try {
      response = await fetch(path, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body,
      });
    } catch {
      throw OFFLINE;
    }
    const json = await readJson(response);
    if (response.ok || answers.includes(response.status)) return { status: response.status, body: json };
    throw refusal(response.status, json);
  }

  return {
    whoAmI: async () => (await call('GET', '/v1/me')).body,

    /** Answers alike for every address; a 429 says it is locked or asked too often. */
    requestCode: async (email) =>
      (await call('POST', '/v1/sign-in/codes', { body: JSON.stringify({ email }), headers: JSON_BODY })).body,

    openSession: async (email, code) =>
      (await call('POST', '/v1/sign-in/sessions', { body: JSON.stringify({ email, code }), headers: JSON_BODY })).body,

    signOut: async () => (await call('POST', '/v1/sign-out')).body,

    check: async (input) =>
      (await call('POST', '/v1/reports?dryRun=true&render=html', { body: reportForm(input) })).body,

    /** The receipt: 201 accepted, 200 a replay, 422 rejected. */
    file: async (input, { amendmentReason, idempotencyKey, explanations }) => {
      const query = amendmentReason ? `?amendmentReason=${encodeURIComponent(amendmentReason)}` : '';
      const { status, body } = await call('POST', `/v1/reports${query}`, {
        body: reportForm(input, explanations),
        headers: { 'idempotency-key': idempotencyKey },
        answers: [422],
      });
      // A 422 is a rejected filing's receipt, or an unreadable file's error.
      if (!body?.submissionId) throw refusal(status, body);
      return body;
    },

    openUpload: async (file, { amendmentReason, idempotencyKey }) => {
      const request = { contentType: file.type || undefined, fileName: file.name, amendmentReason };
      const { body } = await call('POST', '/v1/uploads', {
        body: JSON.stringify(request),
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      });
      return body;
    },

    submission: async (submissionId) => (await call('GET', `/v1/submissions/${encodeURIComponent(submissionId)}`)).body,

    /** Every version, following the cursor. */
    versions: async (agencyId) => {
      const versions = [];
      let cursor = '';
      do {
        const page = `/v1/agencies/${encodeURIComponent(agencyId)}/reports?limit=100${cursor}`;
        const { body } = await call('GET', page);
        versions.push(...body.versions);
        cursor = body.cursor ? `&cursor=${encodeURIComponent(body.cursor)}` : '';
      } while (cursor);
      return versions;
    },
  };
}

/**
 * POSTs a file with a presigned policy, as S3's browser upload form: the signed fields in their order, then the
 * file last. XMLHttpRequest, because fetch reports no upload progress. The bucket checks the type and the size
 * the API signed and answers an XML error otherwise.
 */
export function postWithProgress(upload, file, onProgress) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', upload.url);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      const code = /<Code>([^<]+)<\/Code>/.exec(xhr.responseText ?? '')?.[1] ?? 'UPLOAD_FAILED';
      const zh =
        code === 'EntityTooLarge' ? '文件超过允许的大小，未能上传。' : `文件上传失败（${xhr.status}），请重试。`;
      reject(new ApiError(xhr.status, code, zh));
    });
    xhr.addEventListener('error', () => reject(OFFLINE));
    xhr.send(form);
  });
}
