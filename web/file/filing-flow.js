/**
 * The two ways a report is filed: in the request (the usual case), or, for a file too large for the
 * API, by a presigned upload followed by polling the submission until the server has checked it.
 */
import { ApiError, postWithProgress } from './api-client.js';

const POLL_INTERVAL_MS = 1000;
const POLL_ATTEMPTS = 180;

export function fileThroughApi(api, input, options) {
  return api.file(input, options);
}

function tooLarge(size, maxBytes) {
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  return new ApiError(
    413,
    'INPUT_TOO_LARGE',
    `文件过大（${mb(size)} MB），这类文件最多 ${mb(maxBytes)} MB，不是一份年度报告的正常大小。`,
  );
}

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** @param {(fraction: number, text: string) => void} progress */
export async function fileThroughUpload(api, file, options, progress) {
  const opened = await api.openUpload(file, options);
  if (file.size > opened.maxBytes) throw tooLarge(file.size, opened.maxBytes);
  // A repeated request whose file already arrived has nothing left to send: only the decision to wait for.
  if (opened.upload) {
    progress(0, '正在上传……');
    await postWithProgress(opened.upload, file, (fraction) =>
      progress(fraction, `已上传 ${Math.round(fraction * 100)}%`),
    );
  }
  progress(1, '上传完成，正在检查报告……');
  for (let attempt = 0; attempt < POLL_ATTEMPTS; attempt += 1) {
    const receipt = await api.submission(opened.submissionId);
    if (receipt.status !== 'processing') {
      progress(1, '检查完成。');
      return receipt;
    }
    await pause(POLL_INTERVAL_MS);
  }
  throw new ApiError(
    0,
    'STILL_PROCESSING',
    `报告仍在检查中。请稍后在“报送记录”中查看，报送编号：${opened.submissionId}`,
  );
}
