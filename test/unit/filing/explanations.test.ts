import { describe, expect, it } from 'vitest';
import type { MemoryPorts } from '#shared/adapters/memory/memory-ports.ts';
import { FilingError } from '#shared/filing/errors.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import { filing, filingWorld } from './filing-world.ts';
import { ofYear, SEED_AGENCY, SEED_TEXT, withArithmeticError } from './seed-report.ts';

const NEXT_YEAR = ofYear(SEED_TEXT, 2023);
const OVERVIEW = 'C1:text.overview';
const PROBLEMS = 'C1:text.problemsAndImprovements';
const REASON = '本会2023年工作与上年相同，总体情况按实际核对后沿用上年表述。';

/** The seed filed for 2022, and the clock in 2024 so that a 2023 report can be filed. */
async function worldWithLastYear(): Promise<MemoryPorts> {
  const ports = await filingWorld();
  const first = await submitReport(ports, filing());
  if (first.kind !== 'filed' || first.submission.status !== 'accepted') throw new Error('the seed was not accepted');
  ports.clock.advance(400 * 24 * 3600 * 1000);
  return ports;
}

async function refusal(ports: MemoryPorts, explanations: Record<string, string>, text = NEXT_YEAR) {
  try {
    await submitReport(ports, filing(text, { explanations }));
  } catch (e) {
    if (e instanceof FilingError) return { code: e.code, zh: e.messages.zh, details: e.details };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('explaining warnings', () => {
  it('keeps the explanation with the submission, the version record and the findings document', async () => {
    const ports = await worldWithLastYear();
    const outcome = await submitReport(ports, filing(NEXT_YEAR, { explanations: { [OVERVIEW]: ` ${REASON} ` } }));
    if (outcome.kind !== 'filed') throw new Error(`expected a filing, got ${outcome.kind}`);
    const explained = [{ key: OVERVIEW, code: 'C1', paths: ['text.overview'], text: REASON }];
    expect(outcome.submission).toMatchObject({ status: 'accepted', year: 2023, version: 1, explanations: explained });
    expect(outcome.submission.findings?.map((f) => f.code)).toEqual(['C1', 'C1']);
    expect((await ports.versions.latest(SEED_AGENCY.id, 2023))?.explanations).toEqual(explained);
    const stored = await ports.data.get('reports/qujiang-trade-union/2023/v1.findings.json');
    const document = JSON.parse(new TextDecoder().decode(stored?.bytes));
    expect(document.explanations).toEqual(explained);
    expect(document.findings).toEqual(outcome.submission.findings);
    // The canonical report is unchanged: the explanations live beside it.
    const canonical = await ports.data.get('reports/qujiang-trade-union/2023/v1.json');
    expect(new TextDecoder().decode(canonical?.bytes)).not.toContain(REASON);
  });

  it('checks explanations on a dry run and returns them in the order of the findings', async () => {
    const ports = await worldWithLastYear();
    const outcome = await submitReport(
      ports,
      filing(NEXT_YEAR, { dryRun: true, explanations: { [PROBLEMS]: REASON, [OVERVIEW]: REASON } }),
    );
    if (outcome.kind !== 'dryRun') throw new Error('expected a dry run');
    expect(outcome.explanations.map((e) => e.key)).toEqual([OVERVIEW, PROBLEMS]);
    expect(await ports.versions.latest(SEED_AGENCY.id, 2023)).toBeNull();
  });

  it('refuses explanations of warnings not raised, of errors, too short for a 核实性 check, or too long', async () => {
    const ports = await worldWithLastYear();
    await expect(refusal(ports, { 'Y3:applications.newReceived.total': REASON })).resolves.toMatchObject({
      code: 'EXPLANATION_NOT_APPLICABLE',
      details: { key: 'Y3:applications.newReceived.total' },
    });
    const broken = ofYear(withArithmeticError(SEED_TEXT), 2023);
    const h1 = 'H1:applications.newReceived.naturalPerson,applications.carriedOver.naturalPerson';
    const key = `${h1},applications.totalProcessed.naturalPerson,applications.carriedForward.naturalPerson`;
    await expect(refusal(ports, { [key]: REASON }, broken)).resolves.toMatchObject({
      code: 'EXPLANATION_NOT_APPLICABLE',
      zh: expect.stringContaining('是错误，不能用说明代替更正'),
    });
    await expect(refusal(ports, { [OVERVIEW]: '已核实无误' })).resolves.toMatchObject({
      code: 'EXPLANATION_TOO_SHORT',
      zh: expect.stringContaining('核实性检查，说明至少需要 10 个字'),
    });
    await expect(refusal(ports, { [OVERVIEW]: '   ' })).resolves.toMatchObject({ code: 'EXPLANATION_TOO_SHORT' });
    await expect(refusal(ports, { [OVERVIEW]: '说'.repeat(501) })).resolves.toMatchObject({
      code: 'EXPLANATION_TOO_LONG',
    });
    expect(await ports.versions.latest(SEED_AGENCY.id, 2023)).toBeNull();
    expect(await ports.submissions.listPending('9999-12-31T00:00:00.000Z', 10)).toEqual([]);
  });

  it('files the same document again with explanations as a new filing, not a replay of the first', async () => {
    const ports = await worldWithLastYear();
    const plain = await submitReport(ports, filing(NEXT_YEAR));
    if (plain.kind !== 'filed') throw new Error('expected a filing');
    const explained = { [OVERVIEW]: REASON };
    // Not the first receipt: the year has a version, so the explained filing is an amendment and says so.
    await expect(submitReport(ports, filing(NEXT_YEAR, { explanations: explained }))).rejects.toMatchObject({
      code: 'AMENDMENT_REASON_REQUIRED',
    });
    const amended = await submitReport(
      ports,
      filing(NEXT_YEAR, { explanations: explained, amendmentReason: '补充对警告的说明', idempotencyKey: 'k-1' }),
    );
    if (amended.kind !== 'filed') throw new Error('expected a filing');
    expect(amended.submission).toMatchObject({ status: 'accepted', version: 2 });
    expect(amended.submission.submissionId).not.toBe(plain.submission.submissionId);
    // The same bytes and explanations again: the receipt of the amendment.
    const again = await submitReport(ports, filing(NEXT_YEAR, { explanations: { [OVERVIEW]: `${REASON}\n` } }));
    expect(again).toMatchObject({ kind: 'replay', submission: { submissionId: amended.submission.submissionId } });
    // One Idempotency-Key names one request: other explanations under it are a client bug.
    await expect(
      submitReport(ports, filing(NEXT_YEAR, { explanations: { [PROBLEMS]: REASON }, idempotencyKey: 'k-1' })),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});
