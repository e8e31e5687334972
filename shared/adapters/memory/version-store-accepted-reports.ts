/** Accepted reports read from any version store (memory tests and dry runs): the first filed version of each agency-year. */
import { countsAsFiled, type ReportVersion } from '#shared/filing/records.ts';
import type { AcceptedReports, ReportVersionStore } from '#shared/ports.ts';

export class VersionStoreAcceptedReports implements AcceptedReports {
  constructor(private readonly versions: Pick<ReportVersionStore, 'listByAgency'>) {}

  async firstVersions(agencyIds: readonly string[], year: number): Promise<ReadonlyMap<string, ReportVersion>> {
    const found = new Map<string, ReportVersion>();
    for (const agencyId of agencyIds) {
      let cursor: string | undefined;
      do {
        const page = await this.versions.listByAgency(agencyId, { limit: 100, cursor });
        const first = page.items.find((v) => v.year === year && countsAsFiled(v));
        if (first) found.set(agencyId, first);
        cursor = first ? undefined : page.cursor;
      } while (cursor !== undefined);
    }
    return found;
  }
}
