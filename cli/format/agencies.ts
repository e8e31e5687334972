/** Agencies as the admin commands print them: one aligned line each. */
import * as z from 'zod';
import { type Agency, agencyFields } from '#shared/registry/agency.ts';

const KIND_NAMES: Record<Agency['kind'], string> = {
  department: '部门',
  government: '政府',
  township: '乡镇',
  subdistrict: '街道',
  developmentZone: '开发区',
  other: '其他',
};

/** The registry entry as the API returns it; fields the API may add later are ignored, not refused. */
const AgencyViewSchema = z.lazy(() => z.object(agencyFields()));

/** The API's agency bodies, parsed once; anything else is printed as it came, not a crash. */
export function agencyFrom(body: unknown): Agency | null {
  const parsed = AgencyViewSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export function formatAgencyLine(body: unknown): string {
  const agency = agencyFrom(body);
  if (!agency) return JSON.stringify(body);
  const extras = [
    agency.supervisorId ? `上级 ${agency.supervisorId}` : null,
    agency.deadlineOverride ? `期限 ${agency.deadlineOverride}` : null,
    agency.contactEmails.length > 0 ? agency.contactEmails.join(', ') : null,
  ].filter((part): part is string => part !== null);
  const kind = `${KIND_NAMES[agency.kind]}/${agency.kind}`;
  return [agency.id, agency.name, kind, agency.region, ...extras].join('  ');
}

/** A table of agencies with aligned columns (CJK characters take two columns on a terminal). */
export function formatAgencyTable(agencies: readonly Agency[]): string {
  const header = ['编号 id', '名称 name', '类型 kind', '地区 region', '上级 supervisor', '期限 deadline'];
  const rows = agencies.map((a) => [a.id, a.name, a.kind, a.region, a.supervisorId ?? '', a.deadlineOverride ?? '']);
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => displayWidth(row[col] ?? ''))));
  return all
    .map((row) =>
      row
        .map((cell, col) => cell + ' '.repeat((widths[col] ?? 0) - displayWidth(cell)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return width;
}
