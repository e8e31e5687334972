/** Refusals of the review routes: a filing that is not held for review, or one the office already decided. */
import { FilingError } from '#shared/filing/errors.ts';
import type { ReviewState } from '#shared/filing/records.ts';

export function notUnderReview(submissionId: string): FilingError {
  return new FilingError('NOT_UNDER_REVIEW', {
    zh: `提交 ${submissionId} 未形成待审核的报告版本，无需审核`,
    en: `Submission ${submissionId} has no version held for review`,
  });
}

export function reviewDecided(submissionId: string, state: ReviewState): FilingError {
  const word = state === 'accepted' ? { zh: '已审核同意公开', en: 'accepted' } : { zh: '已退回', en: 'returned' };
  return new FilingError('REVIEW_DECIDED', {
    zh: `提交 ${submissionId} 的报告${word.zh}，不能改变审核结果；机关重新报送后审核新版本`,
    en: `Submission ${submissionId} was already ${word.en}; a decision is final (the agency files a new version)`,
  });
}
