import { FilingError } from '#shared/filing/errors.ts';
import type { OfficeRegistry, Page, PageRequest } from '#shared/ports.ts';
import type { Office } from '#shared/registry/office.ts';
import { pageOf } from './page-cursor.ts';

export class MemoryOfficeRegistry implements OfficeRegistry {
  readonly #offices = new Map<string, Office>();

  async get(officeId: string): Promise<Office | null> {
    const office = this.#offices.get(officeId);
    return office ? structuredClone(office) : null;
  }

  async create(office: Office): Promise<void> {
    if (this.#offices.has(office.id)) {
      throw new FilingError('OFFICE_EXISTS', {
        zh: `办公室编号已存在：${office.id}`,
        en: `Office ${office.id} exists`,
      });
    }
    this.#offices.set(office.id, structuredClone(office));
  }

  async list(page: PageRequest): Promise<Page<Office>> {
    const sorted = [...this.#offices.values()].sort((a, b) => a.id.localeCompare(b.id));
    return pageOf(sorted, (o) => o.id, page);
  }
}
