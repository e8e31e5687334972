import * as z from 'zod';
import { FindingSchema, hasErrors } from '#shared/report/findings.ts';
import { ApplicationsShapeSchema, ReportFormatSchema } from '#shared/report/model.ts';
import { type ApiClient, type ApiResponse, apiClientFor, apiErrorOf } from '../api/client.ts';
import { contentTypeOf, fileNameFor } from '../api/content-type.ts';
import { needsUpload, submitByUpload, type UploadRequest } from '../api/large-upload.ts';
import { API_OPTIONS } from '../api/target.ts';
import { defineCommand } from '../command.ts';
import { CliFailure, EXIT } from '../failure.ts';
import { formatFinding, summaryLine } from '../format/findings-report.ts';
import { formatReceipt, ReceiptViewSchema } from '../format/receipt.ts';
import { type Style, styleFor } from '../format/style.ts';
import { type CliIo, wantsColour } from '../io.ts';
import { readInput } from '../read-input.ts';

const DryRunViewSchema = z.object({
  findings: z.array(FindingSchema),
  currentVersion: z.number().nullable().optional(),
  report: z.object({
    shapes: z.object({ proactiveDisclosure: ReportFormatSchema, applications: ApplicationsShapeSchema }),
  }),
});
type DryRunView = z.infer<typeof DryRunViewSchema>;

export const command = defineCommand({
  name: 'submit',
  synopsis:
    'gongkai submit FILE [--dry-run] [--amendment-reason R] [--idempotency-key K] [--json] [--agency ID | --token T] [--endpoint URL]',
  description: [
    '向报送接口提交年度报告（机关令牌），打印回执。',
    'Files a report with the filing API (agency token) and prints the receipt.',
    'Exit 0 accepted, 1 rejected (or a dry run with errors), 2 transport, auth or request error.',
  ].join('\n'),
  options: {
    'dry-run': { type: 'boolean', description: '只检查不保存 / check only, store nothing' },
    'amendment-reason': {
      type: 'string',
      valueName: 'R',
      description: '更正理由（该年度已有版本时必填）/ why an accepted year is amended',
    },
    'idempotency-key': {
      type: 'string',
      valueName: 'K',
      description: '幂等键，重试时返回首次回执 / retries with the same key get the first receipt',
    },
    json: { type: 'boolean', description: '输出接口返回的 JSON / print the API answer as JSON' },
    agency: {
      type: 'string',
      valueName: 'ID',
      description: "未给令牌时使用本地演示机关的令牌 / without a token, use this demo agency's local token",
    },
    ...API_OPTIONS,
  },
  positionals: ['FILE'],
  async run({ values, positionals }, io) {
    const input = await readInput(positionals[0] ?? '-', io);
    const client = await apiClientFor(values, io, values.agency);
    const filing: Filing = {
      input,
      contentType: contentTypeOf(input.bytes, input.fileName),
      dryRun: values['dry-run'] === true,
      amendmentReason: values['amendment-reason'],
      idempotencyKey: values['idempotency-key'],
    };
    const direct = await postReport(client, filing);
    const viaUpload = needsUpload(direct) && !filing.dryRun;
    const response = viaUpload ? await submitByUpload(client, filing, io.fetch) : direct;
    if (values.json) io.stdout.write(`${JSON.stringify(response.body, null, 2)}\n`);
    const style = values.json ? null : styleFor(wantsColour(io.stdout, io.env));
    if (filing.dryRun) return printDryRun(response, style, io);
    // The API answers a replay (same file or same idempotency key) with 200 and the first receipt.
    return printReceipt(response, style, io, response.status === 200 && !viaUpload);
  },
});

interface Filing extends UploadRequest {
  readonly dryRun: boolean;
}

/**
 * The file goes as multipart/form-data: API Gateway hands text bodies to the function as UTF-8 strings,
 * which would garble a GBK report, while a form part stays bytes and carries the file name.
 */
function postReport(client: ApiClient, filing: Filing): Promise<ApiResponse> {
  const query = new URLSearchParams();
  if (filing.dryRun) query.set('dryRun', 'true');
  if (filing.amendmentReason) query.set('amendmentReason', filing.amendmentReason);
  const form = new FormData();
  const file = new Blob([new Uint8Array(filing.input.bytes)], { type: filing.contentType });
  form.append('file', file, filing.input.fileName ?? fileNameFor(filing.contentType));
  return client.send({
    method: 'POST',
    path: `/v1/reports${query.size > 0 ? `?${query}` : ''}`,
    body: form,
    headers: filing.idempotencyKey ? { 'idempotency-key': filing.idempotencyKey } : {},
  });
}

function unexpectedAnswer(): CliFailure {
  return new CliFailure('接口返回的回执格式不对', 'the API answered with an unexpected receipt');
}

function printDryRun(response: ApiResponse, style: Style | null, io: CliIo): number {
  if (response.status !== 200) throw apiErrorOf(response);
  const view = DryRunViewSchema.safeParse(response.body);
  if (!view.success) throw unexpectedAnswer();
  if (style) io.stdout.write(formatDryRun(view.data, style));
  return hasErrors(view.data.findings) ? EXIT.failed : EXIT.ok;
}

function printReceipt(response: ApiResponse, style: Style | null, io: CliIo, replay: boolean): number {
  const receipt = ReceiptViewSchema.safeParse(response.body);
  // A rejected filing is answered 422 with its receipt; any other non-2xx is an error body.
  const ok = (response.status >= 200 && response.status < 300) || (response.status === 422 && receipt.success);
  if (!ok) throw apiErrorOf(response);
  if (!receipt.success) throw unexpectedAnswer();
  const note = replay ? '（重复提交，返回首次回执 / replay: the first receipt）' : undefined;
  if (style) io.stdout.write(formatReceipt(receipt.data, style, note));
  return receipt.data.status === 'rejected' ? EXIT.failed : EXIT.ok;
}

function formatDryRun(view: DryRunView, style: Style): string {
  const current = view.currentVersion
    ? `该年度现为第 ${view.currentVersion} 版 / currently version ${view.currentVersion}`
    : '该年度尚无版本 / no version yet';
  const lines = [style.bold(`试检查，未保存 / dry run, nothing stored · ${current}`)];
  if (view.findings.length > 0) lines.push('');
  for (const finding of view.findings) lines.push(...formatFinding(finding, view.report.shapes, style));
  lines.push('', summaryLine(view.findings, style), '');
  return lines.join('\n');
}
