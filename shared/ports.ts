/**
 * The ports the use cases depend on. Adapters implement them: `adapters/aws/` (DynamoDB, S3, EventBridge)
 * in Lambda and the local runner, `adapters/memory/` in unit tests and the CLI's dry runs.
 */
import type { DetailOf, EventContract } from '#events/define-event.ts';
import type { TokenRecord } from '#shared/auth/principal.ts';
import type { checkReport } from '#shared/check-report.ts';
import type { DeadlineConfig } from '#shared/deadlines/config.ts';
import type { NoticeKey, NoticeRecord } from '#shared/deadlines/notice-record.ts';
import type { DedupeKey, ReportVersion, ReviewState, Submission, VersionReview } from '#shared/filing/records.ts';
import type { Agency } from '#shared/registry/agency.ts';
import type { Office } from '#shared/registry/office.ts';
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import type { ReviewConfig } from '#shared/review/review-config.ts';
import type { ValidationContext } from '#shared/validate/validate-report.ts';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A fresh unique id (submissions, tokens). */
  newId(): string;
  /** A fresh unguessable secret (the secret half of a bearer token). */
  newSecret(): string;
}

/** One page of a listing; `cursor` is opaque and absent on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly cursor?: string;
}
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface StoredBlob {
  readonly bytes: Uint8Array;
  readonly contentType: string | null;
  /** Set on objects a browser must save rather than show (published originals). */
  readonly contentDisposition?: string | null;
}

export interface PutOptions {
  readonly contentDisposition?: string;
}

/** One bucket. */
export interface BlobStore {
  put(key: string, bytes: Uint8Array, contentType: string, options?: PutOptions): Promise<void>;
  /** Writes only if the key is free; false when an object is already there (originals are never overwritten). */
  putIfAbsent(key: string, bytes: Uint8Array, contentType: string): Promise<boolean>;
  get(key: string): Promise<StoredBlob | null>;
  /** The object's size in bytes without reading it; null when there is none. */
  size(key: string): Promise<number | null>;
}

/** What a presigned browser POST may carry: one key, one media type, a bounded size, for a while. */
export interface UploadPolicy {
  readonly key: string;
  readonly contentType: string;
  readonly maxBytes: number;
  readonly expiresInSeconds: number;
}

/** A presigned POST: the form fields go first, in this order, then the file as the last field, `file`. */
export interface PresignedPost {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** Presigns browser POST uploads into the uploads bucket, the bucket enforcing the policy. */
export interface UploadUrlSigner {
  presignPost(policy: UploadPolicy): Promise<PresignedPost>;
}

export interface EventPublisher {
  publish<C extends EventContract>(contract: C, detail: DetailOf<C>): Promise<void>;
}

export interface AgencyRegistry {
  get(agencyId: string): Promise<Agency | null>;
  /** Fails with AGENCY_EXISTS when the id is taken. */
  create(agency: Agency): Promise<void>;
  /** Fails with AGENCY_NOT_FOUND when the id is unknown. */
  replace(agency: Agency): Promise<void>;
  list(page: PageRequest): Promise<Page<Agency>>;
  /** Agencies whose region lies in the subtree of `regionCode` (itself included), by region code then id. */
  listWithin(regionCode: string, page: PageRequest): Promise<Page<Agency>>;
  /** Agencies registered at exactly this region code. */
  listAt(regionCode: string): Promise<Agency[]>;
}

export interface OfficeRegistry {
  get(officeId: string): Promise<Office | null>;
  /** Fails with OFFICE_EXISTS when the id is taken. */
  create(office: Office): Promise<void>;
  list(page: PageRequest): Promise<Page<Office>>;
}

export interface TokenStore {
  put(token: TokenRecord): Promise<void>;
  get(tokenId: string): Promise<TokenRecord | null>;
  /** Marks the token revoked; false when there is no such token. */
  revoke(tokenId: string, revokedAt: string): Promise<boolean>;
}

/**
 * Submissions and their de-duplication keys. A submission with unfinished work (processing, or an event
 * not yet published) is *pending*: it carries a lease that one worker holds at a time, and the sweep lists
 * pending submissions whose lease has run out.
 */
export interface SubmissionStore {
  /**
   * Stores a new submission; false when the id exists. With a lease it is pending (work under way);
   * without one it waits for something else to start it (a presigned upload's object).
   */
  create(submission: Submission, leaseUntil: string | null): Promise<boolean>;
  get(submissionId: string): Promise<Submission | null>;
  /** Overwrites the submission's fields; the lease is left as it is. */
  save(submission: Submission): Promise<void>;
  /** Takes the lease unless another worker holds one that runs past `now`; false also when there is no such submission. */
  acquireLease(submissionId: string, now: string, leaseUntil: string): Promise<boolean>;
  /** Gives the lease up at once (work left for the sweep). */
  releaseLease(submissionId: string, now: string): Promise<void>;
  /** Work is done: no longer pending. */
  finish(submissionId: string): Promise<void>;
  /** Deletes a submission that a live request gave up on before it was decided (nothing else refers to it). */
  discard(submissionId: string): Promise<void>;
  /** Ids of pending submissions whose lease ran out by `now`, oldest first. */
  listPending(now: string, limit: number): Promise<string[]>;
  /** Claims the key for the submission; returns the id that already holds it, or null when claimed now. */
  claimDedupeKey(key: DedupeKey, submissionId: string): Promise<string | null>;
  /** Gives the key up, only if this submission still holds it. */
  releaseDedupeKey(key: DedupeKey, submissionId: string): Promise<void>;
  findDedupeKey(key: DedupeKey): Promise<string | null>;
  /** An agency's submissions (every status) for a report year, newest first. */
  listByAgency(agencyId: string, year: number, page: PageRequest): Promise<Page<Submission>>;
}

/**
 * Report versions, immutable but for their review state (which leaves `awaitingReview` once, by a conditional
 * write), plus the current public version of each agency-year.
 */
export interface ReportVersionStore {
  /** One version, read consistently. */
  get(agencyId: string, year: number, version: number): Promise<ReportVersion | null>;
  /** Highest stored version of the agency-year (read consistently), or null. */
  latest(agencyId: string, year: number): Promise<ReportVersion | null>;
  /** The version a submission claimed, if it claimed one. */
  findBySubmission(agencyId: string, year: number, submissionId: string): Promise<ReportVersion | null>;
  /** Writes version n only if n is free; false when another filing took it first. */
  putIfAbsent(version: ReportVersion): Promise<boolean>;
  /** Moves the agency-year's current pointer forward to this version (never backward). */
  advanceCurrent(version: ReportVersion): Promise<void>;
  /** Every version of the agency, by year then version. */
  listByAgency(agencyId: string, page: PageRequest): Promise<Page<ReportVersion>>;
  /** Replaces the version's review only while its state is still `from`; false when it was not (someone decided first). */
  updateReview(version: ReportVersion, from: ReviewState, review: VersionReview): Promise<boolean>;
  /** Versions awaiting review whose agency's region lies in the subtree of `regionCode`, by region, agency, year. */
  listAwaitingReview(regionCode: string, page: PageRequest): Promise<Page<ReportVersion>>;
}

/** Reads and validates a report file (`#shared/check-report.ts`); throws ReportParseError when unreadable. */
export type ReportChecker = typeof checkReport;
/** Validates a canonical report (`#shared/validate/validate-report.ts`), e.g. again once its year is known. */
export type ReportValidator = (
  report: Report,
  context: ValidationContext,
) => readonly Finding[] | Promise<readonly Finding[]>;

/** Everything the filing use cases need. */
export interface FilingPorts {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly agencies: AgencyRegistry;
  readonly submissions: SubmissionStore;
  readonly versions: ReportVersionStore;
  /** Locked (Object Lock): a file lands here only once it is part of a version. */
  readonly originals: BlobStore;
  /** Expiring: every received file, at `<agencyId>/<submissionId>`, until it becomes a version (or forever not). */
  readonly uploads: BlobStore;
  readonly data: BlobStore;
  readonly events: EventPublisher;
  readonly checkReport: ReportChecker;
  readonly validateReport: ReportValidator;
  /** The deadline calendar's configuration (rule S7); statutory dates when absent. */
  readonly deadlines?: DeadlineConfig;
  /** Which regions review filings before publication; none when absent. */
  readonly review?: ReviewConfig;
}

/** The filing ports plus the signer, for presigned uploads. */
export interface UploadPorts extends FilingPorts {
  readonly uploadSigner: UploadUrlSigner;
}

export interface RegistryPorts {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly agencies: AgencyRegistry;
  readonly offices: OfficeRegistry;
  readonly tokens: TokenStore;
}

/**
 * The first filed version of each agency's report for a year (its filing day decides lateness), read by key,
 * many at once. A version its office returned does not count; one awaiting review does.
 */
export interface AcceptedReports {
  firstVersions(agencyIds: readonly string[], year: number): Promise<ReadonlyMap<string, ReportVersion>>;
}

export interface MailMessage {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ readonly messageId: string }>;
}

/** Deadline notices, one record per agency, year and stage; a claim is what makes a notice go out once. */
export interface NoticeStore {
  /**
   * Stores the record as `sending` if there is none, or if the last attempt failed or its lease ran out by
   * `now`; false when another sender holds it or it was already sent.
   */
  claim(record: NoticeRecord, now: string): Promise<boolean>;
  /** Overwrites the record (the claim's holder, with the outcome). */
  save(record: NoticeRecord): Promise<void>;
  /** The stored records among these keys of a year. */
  getMany(year: number, keys: readonly NoticeKey[]): Promise<NoticeRecord[]>;
  /** A year's records by agency, then stage; only one agency's when given. */
  list(year: number, agencyId: string | null, page: PageRequest): Promise<Page<NoticeRecord>>;
}

/** The deadline run: the registry, accepted reports and notices by key, and the bus. */
export interface DeadlinePorts {
  readonly clock: Clock;
  readonly agencies: Pick<AgencyRegistry, 'list'>;
  readonly reports: AcceptedReports;
  readonly notices: NoticeStore;
  readonly events: EventPublisher;
  readonly config: DeadlineConfig;
}

/** The notice sender. */
export interface NoticePorts {
  readonly clock: Clock;
  readonly notices: NoticeStore;
  readonly mailer: Mailer;
  readonly events: EventPublisher;
  readonly config: DeadlineConfig;
}
