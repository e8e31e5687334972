/** Reads a filed file and validates it in the agency's context: its previous year and its deadline. */
import { chinaDay } from '#shared/deadlines/calendar.ts';
import type { FilingPorts } from '#shared/ports.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { loadDivisions } from '#shared/registry/divisions/load-divisions.ts';
import { matchSignedName } from '#shared/registry/signed-name.ts';
import { type Finding, hasErrors } from '#shared/report/findings.ts';
import { type Report, ReportSchema } from '#shared/report/model.ts';
import { mergeFindings } from '#shared/validate/order-findings.ts';
import { standingVersion } from './claim-version.ts';
import { agencyMismatch } from './errors.ts';
import { filingDeadline } from './filing-deadline.ts';
import { rollUpFindings } from './roll-up.ts';

export interface FiledFile {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly fileName: string | null;
}

export interface CheckedFiling {
  /** The canonical report, with the registry's agency id added. */
  readonly report: Report;
  readonly findings: readonly Finding[];
  readonly hasErrors: boolean;
}

type CheckPorts = Pick<
  FilingPorts,
  'checkReport' | 'validateReport' | 'versions' | 'data' | 'deadlines' | 'agencies' | 'clock'
>;

/**
 * Throws ReportParseError when the bytes are not a readable report, and AGENCY_MISMATCH when the report
 * names another agency than the filer's. Y-rules compare with the previous year's current version.
 */
export async function checkFiling(ports: CheckPorts, agency: Agency, file: FiledFile): Promise<CheckedFiling> {
  const input = {
    bytes: file.bytes,
    contentType: file.contentType,
    ...(file.fileName ? { fileName: file.fileName } : {}),
  };
  const checked = await ports.checkReport(input, { agencyKind: agency.kind });
  const { report } = checked;
  await requireSignedBy(agency, report.agency.name);
  const filed: Report = { ...report, agency: { ...report.agency, id: agency.id } };
  // The year is known only once the file is read: validate again with what the year brings (Y-rules, S7).
  const inContext = await ports.validateReport(filed, {
    agencyKind: agency.kind,
    previous: await loadCurrentReport(ports, agency.id, report.year - 1),
    deadline: filingDeadline(agency, report.year, ports.deadlines),
    latestReportYear: Number(chinaDay(ports.clock.now()).slice(0, 4)) - 1,
  });
  const rolledUp = await rollUpFindings(ports, agency, filed);
  const findings = mergeFindings(checked.findings, [...inContext, ...rolledUp], report.shapes);
  return { report: filed, findings, hasErrors: hasErrors(findings) };
}

/** The division table is loaded only when the name differs from the registered name and every alias. */
async function requireSignedBy(agency: Agency, signed: string): Promise<void> {
  let match = matchSignedName(agency, signed, null);
  if (match.matched) return;
  if (agency.regionCode !== null) {
    match = matchSignedName(agency, signed, (await loadDivisions()).nameChain(agency.regionCode));
    if (match.matched) return;
  }
  throw agencyMismatch(agency, signed, match.tried);
}

/**
 * The canonical JSON of an agency-year's current version — the newest its office did not return — or null when
 * there is none (or it is unreadable).
 */
export async function loadCurrentReport(
  ports: Pick<FilingPorts, 'versions' | 'data'>,
  agencyId: string,
  year: number,
): Promise<Report | null> {
  const latest = await standingVersion(ports.versions, agencyId, year);
  if (!latest) return null;
  const blob = await ports.data.get(latest.canonicalKey);
  if (!blob) return null;
  try {
    const parsed = ReportSchema.safeParse(JSON.parse(new TextDecoder().decode(blob.bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
