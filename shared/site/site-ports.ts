/**
 * What the page builder reads and writes. The small indexes (`site-index.ts`) and the year datasets live
 * in the data bucket beside the canonical reports; the site bucket only receives finished files.
 */
import type { DeadlineConfig } from '#shared/deadlines/config.ts';
import type { AgencyRegistry, BlobStore, Clock, ReportVersionStore, SubmissionStore } from '#shared/ports.ts';

export interface SitePorts {
  readonly clock: Clock;
  readonly agencies: Pick<AgencyRegistry, 'get' | 'list' | 'listWithin' | 'listAt'>;
  readonly versions: Pick<ReportVersionStore, 'listByAgency'>;
  readonly submissions: Pick<SubmissionStore, 'get'>;
  readonly originals: Pick<BlobStore, 'get'>;
  readonly data: BlobStore;
  readonly site: Pick<BlobStore, 'put'>;
  readonly deadlines: DeadlineConfig;
  /** Absolute base URL (no trailing slash) for the feed and the sitemaps. */
  readonly siteUrl: string;
}
