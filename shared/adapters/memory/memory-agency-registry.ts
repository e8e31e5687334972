import { agencyNotFound, FilingError } from '#shared/filing/errors.ts';
import type { AgencyRegistry, Page, PageRequest } from '#shared/ports.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { isWithinDivision } from '#shared/registry/divisions/division-code.ts';
import { pageOf } from './page-cursor.ts';

export class MemoryAgencyRegistry implements AgencyRegistry {
  readonly #agencies = new Map<string, Agency>();

  async get(agencyId: string): Promise<Agency | null> {
    const agency = this.#agencies.get(agencyId);
    return agency ? structuredClone(agency) : null;
  }

  async create(agency: Agency): Promise<void> {
    if (this.#agencies.has(agency.id)) {
      throw new FilingError('AGENCY_EXISTS', { zh: `机关编号已存在：${agency.id}`, en: `Agency ${agency.id} exists` });
    }
    this.#agencies.set(agency.id, structuredClone(agency));
  }

  async replace(agency: Agency): Promise<void> {
    if (!this.#agencies.has(agency.id)) throw agencyNotFound(agency.id);
    this.#agencies.set(agency.id, structuredClone(agency));
  }

  async list(page: PageRequest): Promise<Page<Agency>> {
    const sorted = [...this.#agencies.values()].sort((a, b) => a.id.localeCompare(b.id));
    return pageOf(
      sorted.map((a) => structuredClone(a)),
      (a) => a.id,
      page,
    );
  }

  async listWithin(regionCode: string, page: PageRequest): Promise<Page<Agency>> {
    const key = (a: Agency) => `${a.regionCode}#${a.id}`;
    const within = [...this.#agencies.values()]
      .filter((a) => a.regionCode !== null && isWithinDivision(a.regionCode, regionCode))
      .sort((a, b) => (key(a) < key(b) ? -1 : 1));
    return pageOf(
      within.map((a) => structuredClone(a)),
      key,
      page,
    );
  }

  async listAt(regionCode: string): Promise<Agency[]> {
    return [...this.#agencies.values()].filter((a) => a.regionCode === regionCode).map((a) => structuredClone(a));
  }
}
