import { describe, expect, it } from 'vitest';
import { openUpload } from '#shared/filing/open-upload.ts';
import { toReceipt } from '#shared/filing/receipt.ts';
import { receiveUpload } from '#shared/filing/receive-upload.ts';
import { uploadKey } from '#shared/filing/records.ts';
import { reportTitle } from '#shared/report/title.ts';
import { filingWorld } from './filing-world.ts';
import { bytesOf, SEED_AGENCY, SEED_TEXT } from './seed-report.ts';

async function uploaded(text: string) {
  const ports = await filingWorld();
  const opened = await openUpload(ports, {
    agencyId: SEED_AGENCY.id,
    contentType: 'text/plain; charset=utf-8',
    fileName: '年报.txt',
    amendmentReason: null,
    idempotencyKey: null,
  });
  const key = uploadKey(SEED_AGENCY.id, opened.submission.submissionId);
  await ports.uploads.put(key, bytesOf(text), 'text/plain');
  const settled = await receiveUpload(ports, key);
  if (settled === null) throw new Error('upload not settled');
  return toReceipt(settled);
}

describe("a receipt's report title", () => {
  it('names an upload filed without a check as its public page names the report', async () => {
    const receipt = await uploaded(SEED_TEXT);
    expect(receipt).toMatchObject({ status: 'accepted', title: '韶关市曲江区总工会2022年政府信息公开工作年度报告' });
  });

  it('is null while nothing was read', async () => {
    await expect(uploaded('只有一句话。')).resolves.toMatchObject({ status: 'rejected', title: null });
  });

  it("falls back to the agency's name and the year where the file printed no title", () => {
    expect(reportTitle({ title: '', year: 2022 }, '韶关市曲江区总工会')).toBe(
      '韶关市曲江区总工会2022年政府信息公开工作年度报告',
    );
    expect(reportTitle({ title: '曲江区总工会2022年度报告', year: 2022 }, '韶关市曲江区总工会')).toBe(
      '曲江区总工会2022年度报告',
    );
  });
});
