/**
 * A function that reads no document carries no reader: each is bundled as its construct bundles it and must
 * stay within 500 KB, about a hello-world with its SDK clients (the DynamoDB client alone is some 360 KB).
 * Those listed below are over that bar today, each for a named reason, and may not grow past their own ceiling;
 * a function not listed fails at 500 KB.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';
import { type Bundle, bundleFunctions, DOCUMENT_READERS, LEAN_BUNDLE_MAX_BYTES } from '../../bench/lambda-bundles.ts';

const KB = 1024;

const DIVISIONS = 'validates region codes against the 2023 division table (~1.4 MB of data, loaded on first use)';
const S3 = 'the S3 client and its signers come on top of DynamoDB (a hello-world with both is ~485 KB)';
const ARCHIVE = 'DynamoDB, S3 and SQS clients, and the Parquet writer of the yearly datasets';
const MAIL = 'SES, Secrets Manager and nodemailer for the SMTP relay of the China profile';
const ZOD = 'zod (~90 KB), the logger and the route table on top of a ~360 KB DynamoDB client';
/** Each ceiling is a little above today's size, so growth does not go unnoticed. */
const OVER_THE_BAR: Readonly<Record<string, { readonly maxKb: number; readonly why: string }>> = {
  createUpload: { maxKb: 680, why: S3 },
  getSubmission: { maxKb: 530, why: ZOD },
  listAgencyReports: { maxKb: 530, why: ZOD },
  getMe: { maxKb: 520, why: ZOD },
  createAgency: { maxKb: 1980, why: DIVISIONS },
  listAgencies: { maxKb: 530, why: ZOD },
  getAgency: { maxKb: 520, why: ZOD },
  updateAgency: { maxKb: 1980, why: DIVISIONS },
  issueAgencyToken: { maxKb: 520, why: ZOD },
  revokeAgencyToken: { maxKb: 520, why: ZOD },
  issueAdminToken: { maxKb: 520, why: ZOD },
  revokeAdminToken: { maxKb: 520, why: ZOD },
  createOffice: { maxKb: 1980, why: DIVISIONS },
  listOffices: { maxKb: 530, why: ZOD },
  issueOfficeToken: { maxKb: 520, why: ZOD },
  listOfficeAgencies: { maxKb: 560, why: ZOD },
  listAgencySubmissions: { maxKb: 550, why: ZOD },
  sendReminder: { maxKb: 560, why: ZOD },
  listReviews: { maxKb: 540, why: ZOD },
  acceptReview: { maxKb: 560, why: `${ZOD}, and the EventBridge client` },
  returnReview: { maxKb: 870, why: MAIL },
  publishSitePages: { maxKb: 770, why: ARCHIVE },
  rebuildSite: { maxKb: 770, why: ARCHIVE },
  buildArchive: { maxKb: 860, why: ARCHIVE },
  compactArchive: { maxKb: 860, why: ARCHIVE },
  getRebuildJob: { maxKb: 750, why: ARCHIVE },
  runDeadlines: { maxKb: 560, why: ZOD },
  deadlinesDaily: { maxKb: 540, why: ZOD },
  sendNotice: { maxKb: 860, why: MAIL },
  listNotices: { maxKb: 520, why: ZOD },
  filingStatus: { maxKb: 530, why: ZOD },
  requestSignInCode: { maxKb: 870, why: MAIL },
  openSession: { maxKb: 540, why: ZOD },
  signOut: { maxKb: 530, why: ZOD },
  notFoundPage: { maxKb: 560, why: 'the S3 client and its signers, to read the 404 page the archive built' },
};

const lean = Object.keys(app.functions).filter((name) => !DOCUMENT_READERS.has(name));
let dir: string;
let bundles: Map<string, Bundle>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-lean-'));
  bundles = await bundleFunctions(dir, lean);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('bundles of the functions that read no document', () => {
  it.each(lean)('%s stays within its ceiling', (name) => {
    const bytes = bundles.get(name)?.bytes ?? Number.POSITIVE_INFINITY;
    const ceiling = OVER_THE_BAR[name]?.maxKb ?? LEAN_BUNDLE_MAX_BYTES / KB;
    expect(Math.round(bytes / KB), `${name}: ${Math.round(bytes / KB)} KB`).toBeLessThanOrEqual(ceiling);
  });

  it('name only declared functions that read no document', () => {
    for (const name of [...DOCUMENT_READERS, ...Object.keys(OVER_THE_BAR)]) expect(app.functions).toHaveProperty(name);
    for (const name of Object.keys(OVER_THE_BAR)) expect(DOCUMENT_READERS.has(name)).toBe(false);
  });
});
