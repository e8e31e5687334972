import { describe, expect, it } from 'vitest';
import { ReportParseError } from '#shared/errors.ts';
import { sha256Hex } from '#shared/filing/submission-id.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import { filing, filingWorld } from './filing-world.ts';
import { bytesOf, OTHER_AGENCY, ofYear, respaced, SEED_AGENCY, SEED_TEXT, withArithmeticError } from './seed-report.ts';

const SEED_SHA = sha256Hex(bytesOf(SEED_TEXT));

describe('submitReport', () => {
  it('accepts the seed report as version 1, keeps the original and the canonical JSON, and announces it', async () => {
    const ports = await filingWorld();
    const outcome = await submitReport(ports, filing());
    expect(outcome.kind).toBe('filed');
    if (outcome.kind !== 'filed') return;
    expect(outcome.submission).toMatchObject({ status: 'accepted', year: 2022, version: 1, sha256: SEED_SHA });
    expect(ports.originals.keys()).toEqual([`originals/${SEED_SHA}`]);
    const canonical = await ports.data.get('reports/qujiang-trade-union/2022/v1.json');
    const report = JSON.parse(new TextDecoder().decode(canonical?.bytes));
    expect(report.agency).toEqual({ name: '韶关市曲江区总工会', id: 'qujiang-trade-union' });
    expect(ports.events.published).toEqual([
      expect.objectContaining({
        detailType: 'ReportAccepted',
        detail: expect.objectContaining({
          eventId: 'ReportAccepted/qujiang-trade-union/2022/v1',
          agencyName: '韶关市曲江区总工会',
          version: 1,
          canonicalKey: 'reports/qujiang-trade-union/2022/v1.json',
          publishedOn: '2023-01-06',
          original: expect.objectContaining({ key: `originals/${SEED_SHA}`, fileName: '2022年报.txt' }),
        }),
      }),
    ]);
    expect(await ports.submissions.listPending('9999-12-31T00:00:00.000Z', 10)).toEqual([]);
  });

  it('stores the original as the kind its bytes are, keeping what the filer declared beside it', async () => {
    const ports = await filingWorld();
    const text = `${SEED_TEXT}\n<script>sessionStorage.clear()</script>\n`;
    const file = { bytes: bytesOf(text), contentType: 'text/html', fileName: 'x.html' };
    const outcome = await submitReport(ports, filing(text, { file }));
    if (outcome.kind !== 'filed') throw new Error(`expected a filing, got ${outcome.kind}`);
    expect(outcome.submission.status).toBe('accepted');
    expect(outcome.submission.original).toMatchObject({ contentType: 'text/plain; charset=utf-8', fileName: 'x.html' });
    expect(outcome.submission.declared).toEqual({ contentType: 'text/html', fileName: 'x.html' });
    const stored = await ports.originals.get(outcome.submission.original?.key ?? '');
    expect(stored?.contentType).toBe('text/plain; charset=utf-8');
  });

  it('rejects a report for a year that has not ended, or from before the Regulations, with a Y4 finding', async () => {
    const ports = await filingWorld();
    for (const year of [2035, 2023, 2007]) {
      const outcome = await submitReport(ports, filing(ofYear(SEED_TEXT, year)));
      if (outcome.kind !== 'filed') throw new Error(`expected a filing, got ${outcome.kind}`);
      expect(outcome.submission).toMatchObject({ status: 'rejected', year, version: null });
      expect(outcome.submission.findings).toContainEqual(
        expect.objectContaining({ code: 'Y4', severity: 'error', paths: ['year'] }),
      );
    }
    expect(await ports.versions.latest(SEED_AGENCY.id, 2035)).toBeNull();
    await expect(
      submitReport(ports, filing(respaced(ofYear(SEED_TEXT, 2035), 1), { imported: true })),
    ).rejects.toMatchObject({
      code: 'YEAR_OUT_OF_RANGE',
      details: { findings: [expect.objectContaining({ code: 'Y4' })] },
    });
    const lastYear = await submitReport(ports, filing(ofYear(SEED_TEXT, 2022)));
    expect(lastYear.kind === 'filed' && lastYear.submission.status).toBe('accepted');
  });

  it('rejects a report whose table 3 does not add up, keeping it with its findings and announcing the rejection', async () => {
    const ports = await filingWorld();
    const outcome = await submitReport(ports, filing(withArithmeticError(SEED_TEXT)));
    if (outcome.kind !== 'filed') throw new Error(`expected a filing, got ${outcome.kind}`);
    expect(outcome.submission.status).toBe('rejected');
    expect(outcome.submission.findings?.map((f) => f.code)).toEqual(['H1', 'H3']);
    expect(outcome.submission.version).toBeNull();
    // Kept, but only in the expiring uploads bucket: no version, nothing locked.
    expect(ports.originals.keys()).toEqual([]);
    expect(ports.uploads.keys()).toEqual([`${SEED_AGENCY.id}/${outcome.submission.submissionId}`]);
    expect(outcome.submission.original?.key).toBe(`${SEED_AGENCY.id}/${outcome.submission.submissionId}`);
    expect(await ports.versions.latest(SEED_AGENCY.id, 2022)).toBeNull();
    expect(ports.events.published).toEqual([
      expect.objectContaining({
        detailType: 'SubmissionRejected',
        detail: expect.objectContaining({ reason: 'findings', errorCodes: ['H1', 'H3'], errorCount: 2 }),
      }),
    ]);
  });

  it('answers the same bytes from the same agency with the first receipt and files nothing new', async () => {
    const ports = await filingWorld();
    const first = await submitReport(ports, filing());
    const again = await submitReport(ports, filing());
    expect(again.kind).toBe('replay');
    if (first.kind !== 'filed' || again.kind !== 'replay') return;
    expect(again.submission).toEqual(first.submission);
    expect(ports.events.published).toHaveLength(1);
  });

  it('answers a repeated Idempotency-Key with the first receipt when the bytes are the same', async () => {
    const ports = await filingWorld();
    const first = await submitReport(ports, filing(SEED_TEXT, { idempotencyKey: 'key-1' }));
    const again = await submitReport(ports, filing(SEED_TEXT, { idempotencyKey: 'key-1' }));
    if (first.kind !== 'filed' || again.kind !== 'replay') throw new Error('expected a filing then a replay');
    expect(again.submission.submissionId).toBe(first.submission.submissionId);
    expect(ports.submissions.all()).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for other bytes, so a corrected report is never silently dropped', async () => {
    const ports = await filingWorld();
    await submitReport(ports, filing(SEED_TEXT, { idempotencyKey: 'key-1' }));
    const corrected = filing(respaced(SEED_TEXT, 1), { idempotencyKey: 'key-1', amendmentReason: '更正' });
    await expect(submitReport(ports, corrected)).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(ports.submissions.all()).toHaveLength(1);
    expect(ports.originals.keys()).toHaveLength(1);
  });

  it('refuses a second report for the year without an amendment reason, storing nothing', async () => {
    const ports = await filingWorld();
    await submitReport(ports, filing());
    await expect(submitReport(ports, filing(respaced(SEED_TEXT, 1)))).rejects.toMatchObject({
      code: 'AMENDMENT_REASON_REQUIRED',
    });
    expect(ports.submissions.all()).toHaveLength(1);
    expect(ports.originals.keys()).toHaveLength(1);
  });

  it('files an amendment as version 2 and announces it with its reason', async () => {
    const ports = await filingWorld();
    await submitReport(ports, filing());
    const outcome = await submitReport(ports, filing(respaced(SEED_TEXT, 1), { amendmentReason: '更正正文' }));
    if (outcome.kind !== 'filed') throw new Error('expected a filing');
    expect(outcome.submission).toMatchObject({ status: 'accepted', version: 2, amendmentReason: '更正正文' });
    expect(ports.versions.current(SEED_AGENCY.id, 2022)).toBe(2);
    expect(ports.events.published.at(-1)).toMatchObject({
      detailType: 'ReportAmended',
      detail: {
        version: 2,
        previousVersion: 1,
        amendmentReason: '更正正文',
        eventId: 'ReportAmended/qujiang-trade-union/2022/v2',
      },
    });
  });

  it("refuses a report naming another agency than the token's, storing nothing", async () => {
    const ports = await filingWorld();
    await expect(submitReport(ports, filing(SEED_TEXT, { agencyId: OTHER_AGENCY.id }))).rejects.toMatchObject({
      code: 'AGENCY_MISMATCH',
      details: { signedName: '韶关市曲江区总工会', tried: ['韶关市曲江区教育局', '曲江区教育局'] },
      messages: {
        zh: expect.stringContaining('gongkai agencies alias qujiang-education-bureau 韶关市曲江区总工会'),
        en: expect.stringContaining('add the name as an alias'),
      },
    });
    expect(ports.submissions.all()).toEqual([]);
    expect(ports.originals.keys()).toEqual([]);
  });

  it('imports a historical report with the publication day the admin gives; a filing keeps its own', async () => {
    const ports = await filingWorld();
    const noDay = { imported: true, publishedOn: '2023-01-20' } as const;
    const imported = await submitReport(ports, filing(SEED_TEXT, noDay));
    expect(imported).toMatchObject({ kind: 'filed', submission: { publishedOn: '2023-01-20', imported: true } });
    const filed = await submitReport(await filingWorld(), filing(SEED_TEXT, { publishedOn: '2020-01-01' }));
    expect(filed).toMatchObject({ kind: 'filed', submission: { publishedOn: '2023-01-06', imported: false } });
  });

  it('files a report signed without its city, or with an alias, under the registered agency', async () => {
    const ports = await filingWorld();
    const withoutCity = SEED_TEXT.replaceAll('韶关市曲江区总工会', '曲江区总工会');
    const filed = await submitReport(ports, filing(withoutCity));
    expect(filed).toMatchObject({ kind: 'filed', submission: { agencyId: SEED_AGENCY.id, status: 'accepted' } });
    await ports.agencies.replace({ ...SEED_AGENCY, aliases: ['曲江区职工总会'] });
    const aliased = SEED_TEXT.replaceAll('韶关市曲江区总工会', '曲江区职工总会');
    expect(await submitReport(ports, filing(aliased, { dryRun: true }))).toMatchObject({ kind: 'dryRun' });
  });

  it('matches the agency name across full-width characters and stray spaces', async () => {
    const ports = await filingWorld();
    const text = SEED_TEXT.replace('韶关市曲江区总工会2022年', '韶关市 曲江区总工会2022年');
    const outcome = await submitReport(ports, filing(text));
    expect(outcome.kind === 'filed' && outcome.submission.status).toBe('accepted');
  });

  it('dry-runs a report: findings and the canonical report back, nothing stored or announced', async () => {
    const ports = await filingWorld();
    const outcome = await submitReport(ports, filing(withArithmeticError(SEED_TEXT), { dryRun: true }));
    if (outcome.kind !== 'dryRun') throw new Error('expected a dry run');
    expect(outcome.hasErrors).toBe(true);
    expect(outcome.report.agency.id).toBe(SEED_AGENCY.id);
    expect(outcome.currentVersion).toBeNull();
    expect(ports.submissions.all()).toEqual([]);
    expect(ports.originals.keys()).toEqual([]);
    expect(ports.events.published).toEqual([]);
  });

  it('throws the reader’s typed error for bytes that are not a report, storing nothing', async () => {
    expect.assertions(3);
    const ports = await filingWorld();
    try {
      await submitReport(ports, filing('这不是一份年度报告，只是一句话。'));
    } catch (e) {
      expect(e).toBeInstanceOf(ReportParseError);
      expect(ports.submissions.all()).toEqual([]);
      expect(ports.originals.keys()).toEqual([]);
    }
  });

  it('refuses an empty body with EMPTY_BODY', async () => {
    const ports = await filingWorld();
    await expect(submitReport(ports, filing(''))).rejects.toMatchObject({ code: 'EMPTY_BODY' });
  });

  it('archives an imported report as version 1 even with rule errors, flagged imported and hasErrors', async () => {
    const ports = await filingWorld();
    const outcome = await submitReport(ports, filing(withArithmeticError(SEED_TEXT), { imported: true }));
    if (outcome.kind !== 'filed') throw new Error('expected a filing');
    expect(outcome.submission).toMatchObject({ status: 'accepted', version: 1, imported: true, hasErrors: true });
    expect(ports.events.published[0]?.detail).toMatchObject({ imported: true, hasErrors: true });
  });
});
