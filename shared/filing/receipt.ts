/** The receipt an agency sees for a submission (responses of POST /v1/reports and GET /v1/submissions/{id}). */
import { CHECK_GRADE_LABELS } from '#shared/report/check-grade-labels.ts';
import { findingKey, MAX_EXPLANATION_CHARS, minExplanationChars } from '#shared/report/explanations.ts';
import { type Finding, RULE_GRADE, type RuleCode } from '#shared/report/findings.ts';
import { isPublic, type ReportVersion, type Submission } from './records.ts';

/** What a client needs to ask for explanations: each raised rule's grade and how long its explanation must be. */
export function findingRules(findings: readonly Finding[]) {
  const codes = [...new Set(findings.map((f) => f.code))];
  return Object.fromEntries(
    codes.map((code: RuleCode) => {
      const grade = RULE_GRADE[code];
      const rule = {
        grade,
        gradeLabel: CHECK_GRADE_LABELS[grade],
        explanationChars: { min: minExplanationChars(code), max: MAX_EXPLANATION_CHARS },
      };
      return [code, rule];
    }),
  );
}

/** The findings of a check, each with the key an explanation names it by, so no client derives it again. */
export function keyedFindings(findings: readonly Finding[]) {
  return findings.map((finding) => ({ ...finding, key: findingKey(finding) }));
}

export function toReceipt(s: Submission) {
  return {
    submissionId: s.submissionId,
    status: s.status,
    agencyId: s.agencyId,
    year: s.year,
    /** Null until the file was read. */
    title: s.title ?? null,
    version: s.version,
    sha256: s.sha256,
    findings: s.findings ?? [],
    explanations: s.explanations ?? [],
    hasErrors: s.hasErrors,
    imported: s.imported,
    channel: s.channel,
    receivedAt: s.receivedAt,
    decidedAt: s.decidedAt,
    amendmentReason: s.amendmentReason,
    original: s.original
      ? { contentType: s.original.contentType, fileName: s.original.fileName, sizeBytes: s.original.sizeBytes }
      : null,
    rejectionReason: s.rejectionReason,
    error: s.error,
    duplicateOf: s.duplicateOf,
    /** Accepted, but public only once the supervising office has reviewed it. */
    heldForReview: s.heldForReview === true,
  };
}
export type Receipt = ReturnType<typeof toReceipt>;

export function toVersionView(v: ReportVersion) {
  return {
    agencyId: v.agencyId,
    year: v.year,
    version: v.version,
    submissionId: v.submissionId,
    sha256: v.sha256,
    acceptedAt: v.acceptedAt,
    publishedOn: v.publishedOn,
    amendmentReason: v.amendmentReason,
    imported: v.imported,
    hasErrors: v.hasErrors,
    warningCount: v.warningCount,
    explanations: v.explanations ?? [],
    canonicalKey: v.canonicalKey,
    original: v.original,
    public: isPublic(v),
    review: v.review
      ? { state: v.review.state, decidedAt: v.review.decidedAt, reason: v.review.reason, officeId: v.review.officeId }
      : null,
  };
}
