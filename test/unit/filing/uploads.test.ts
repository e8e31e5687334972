import { describe, expect, it } from 'vitest';
import type { MemoryPorts } from '#shared/adapters/memory/memory-ports.ts';
import { openUpload } from '#shared/filing/open-upload.ts';
import { receiveUpload } from '#shared/filing/receive-upload.ts';
import { uploadKey } from '#shared/filing/records.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import { filing, filingWorld } from './filing-world.ts';
import { bytesOf, OTHER_AGENCY, respaced, SEED_AGENCY, SEED_TEXT } from './seed-report.ts';

async function upload(ports: MemoryPorts, text: string, options: { agencyId?: string; amendmentReason?: string } = {}) {
  const opened = await openUpload(ports, {
    agencyId: options.agencyId ?? SEED_AGENCY.id,
    contentType: 'text/plain; charset=utf-8',
    fileName: '年报.txt',
    amendmentReason: options.amendmentReason ?? null,
    idempotencyKey: null,
  });
  const key = uploadKey(opened.submission.agencyId, opened.submission.submissionId);
  await ports.uploads.put(key, bytesOf(text), 'text/plain');
  return { opened, key };
}

describe('presigned uploads', () => {
  it('opens a processing submission with a POST policy for its key, type and size, and files the object', async () => {
    const ports = await filingWorld();
    const { opened, key } = await upload(ports, SEED_TEXT);
    expect(opened.submission.status).toBe('processing');
    expect(opened.upload?.fields).toMatchObject({ key, 'Content-Type': 'text/plain; charset=utf-8' });
    expect(ports.uploadSigner.policies).toEqual([
      { key, contentType: 'text/plain; charset=utf-8', maxBytes: 10 * 1024 * 1024, expiresInSeconds: 900 },
    ]);

    const settled = await receiveUpload(ports, key);
    expect(settled).toMatchObject({ status: 'accepted', version: 1, channel: 'upload', eventPublished: true });
    expect(settled?.original).toMatchObject({ contentType: 'text/plain; charset=utf-8', fileName: '年报.txt' });
    expect(ports.events.published.map((e) => e.detailType)).toEqual(['ReportAccepted']);
  });

  it('finishes nothing twice when S3 delivers the same event again', async () => {
    const ports = await filingWorld();
    const { key } = await upload(ports, SEED_TEXT);
    await receiveUpload(ports, key);
    await receiveUpload(ports, key);
    expect(ports.events.published).toHaveLength(1);
    expect((await ports.versions.listByAgency(SEED_AGENCY.id, { limit: 10 })).items).toHaveLength(1);
  });

  it('stores an unreadable upload as rejected with the reader’s error, and announces it', async () => {
    const ports = await filingWorld();
    const { key } = await upload(ports, '只有一句话。');
    const settled = await receiveUpload(ports, key);
    expect(settled).toMatchObject({ status: 'rejected', rejectionReason: 'unreadable' });
    expect(settled?.error?.code).toMatch(/^[A-Z_]+$/);
    expect(ports.events.published[0]).toMatchObject({
      detailType: 'SubmissionRejected',
      detail: { reason: 'unreadable' },
    });
  });

  it('stores an upload naming another agency as rejected with AGENCY_MISMATCH', async () => {
    const ports = await filingWorld();
    const { key } = await upload(ports, SEED_TEXT, { agencyId: OTHER_AGENCY.id });
    const settled = await receiveUpload(ports, key);
    expect(settled).toMatchObject({
      status: 'rejected',
      rejectionReason: 'agencyMismatch',
      error: { code: 'AGENCY_MISMATCH' },
    });
  });

  it('stores an amendment upload without a reason as rejected, since no one is waiting for a 409', async () => {
    const ports = await filingWorld();
    await submitReport(ports, filing());
    const { key } = await upload(ports, respaced(SEED_TEXT, 1));
    const settled = await receiveUpload(ports, key);
    expect(settled).toMatchObject({ status: 'rejected', rejectionReason: 'amendmentReasonRequired' });
  });

  it('mirrors an earlier filing of the same bytes instead of filing them again', async () => {
    const ports = await filingWorld();
    const first = await submitReport(ports, filing());
    const { key } = await upload(ports, SEED_TEXT);
    const settled = await receiveUpload(ports, key);
    expect(first.kind === 'filed' && settled?.duplicateOf).toBe(
      first.kind === 'filed' && first.submission.submissionId,
    );
    expect(settled).toMatchObject({ status: 'accepted', version: 1 });
    expect(ports.events.published).toHaveLength(1);
  });

  it('ignores objects that name no waiting upload', async () => {
    const ports = await filingWorld();
    expect(await receiveUpload(ports, 'somewhere/else/entirely')).toBeNull();
    expect(await receiveUpload(ports, `${SEED_AGENCY.id}/no-such-submission`)).toBeNull();
  });

  it('answers a repeated Idempotency-Key with the same submission and a fresh URL', async () => {
    const ports = await filingWorld();
    const request = {
      agencyId: SEED_AGENCY.id,
      contentType: null,
      fileName: 'report.pdf',
      amendmentReason: null,
      idempotencyKey: 'u-1',
    };
    const first = await openUpload(ports, request);
    const again = await openUpload(ports, request);
    expect(again.submission.submissionId).toBe(first.submission.submissionId);
    expect(again.upload).not.toBeNull();
  });

  it('refuses to open an upload for a type no reader takes, before signing anything', async () => {
    const ports = await filingWorld();
    const open = (contentType: string | null, fileName: string | null) =>
      openUpload(ports, {
        agencyId: SEED_AGENCY.id,
        contentType,
        fileName,
        amendmentReason: null,
        idempotencyKey: null,
      });
    await expect(open('image/png', 'x.png')).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(open(null, 'x.exe')).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(open(null, null)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(ports.uploadSigner.policies).toEqual([]);
    await expect(open('application/octet-stream', '年报.docx')).resolves.toMatchObject({ maxBytes: 40 * 1024 * 1024 });
    const pdf = await open(null, '年报.PDF');
    expect(pdf.maxBytes).toBe(40 * 1024 * 1024);
    expect(pdf.upload?.fields['Content-Type']).toBe('application/pdf');
  });

  it('rejects an object over its type’s cap without reading it, and locks nothing', async () => {
    const ports = await filingWorld();
    const { key } = await upload(ports, `${SEED_TEXT}${' '.repeat(10 * 1024 * 1024)}`);
    const settled = await receiveUpload(ports, key);
    expect(settled).toMatchObject({ status: 'rejected', rejectionReason: 'unreadable', sha256: null });
    expect(settled?.error?.code).toBe('INPUT_TOO_LARGE');
    expect(ports.originals.keys()).toEqual([]);
    expect(ports.events.published).toEqual([]);
  });

  it('keeps an accepted upload staged until its version copies it into the locked originals', async () => {
    const ports = await filingWorld();
    const { key } = await upload(ports, SEED_TEXT);
    expect(ports.originals.keys()).toEqual([]);
    const settled = await receiveUpload(ports, key);
    expect(settled?.original?.key).toBe(`originals/${settled?.sha256}`);
    expect(ports.originals.keys()).toEqual([`originals/${settled?.sha256}`]);
  });

  it('leaves a rejected upload only in the expiring uploads bucket', async () => {
    const ports = await filingWorld();
    await submitReport(ports, filing());
    const { key } = await upload(ports, respaced(SEED_TEXT, 1));
    const settled = await receiveUpload(ports, key);
    expect(settled).toMatchObject({ status: 'rejected', original: { key } });
    expect(ports.originals.keys()).toHaveLength(1);
    expect(ports.uploads.keys()).toContain(key);
  });
});
