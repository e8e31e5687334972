/**
 * The roll-up check (条例第四十九条's second tier): a government's consolidated report against its departments'
 * accepted reports of the same year — the departments being the agencies whose `supervisorId` is the government.
 * Practice varies (some consolidated reports cover only the government's own office), so these are warnings only:
 * R1 names the departments that have not filed; R2 a total smaller than the departments' sum, naming them.
 */
import type { AgencyRegistry, FilingPorts } from '#shared/ports.ts';
import type { Agency } from '#shared/registry/agency.ts';
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { cellAt } from '#shared/report/paths.ts';
import { cellName, finding } from '#shared/validate/messages.ts';
import { loadCurrentReport } from './check-filing.ts';

export type RollUpPorts = Pick<FilingPorts, 'versions' | 'data'> & {
  readonly agencies: Pick<AgencyRegistry, 'listWithin'>;
};

/** Totals a consolidated report counts for the whole government, its departments included. */
const ROLLED_UP_TOTALS = [
  'applications.newReceived.total',
  'reviewsAndLawsuits.review.total',
  'reviewsAndLawsuits.litigationDirect.total',
];

export async function rollUpFindings(ports: RollUpPorts, government: Agency, report: Report): Promise<Finding[]> {
  if (government.kind !== 'government' || government.regionCode === null) return [];
  const departments = await departmentsOf(ports, government.id, government.regionCode);
  if (departments.length === 0) return [];
  const filed = await Promise.all(
    departments.map(async (d) => ({ agency: d, report: await loadCurrentReport(ports, d.id, report.year) })),
  );
  const missing = filed.filter((f) => f.report === null).map((f) => f.agency.name);
  const findings: Finding[] = [];
  if (missing.length > 0) {
    const done = departments.length - missing.length;
    findings.push(
      finding(
        'R1',
        [],
        {
          zh: `本级 ${departments.length} 个报送单位中 ${done} 个已报送${report.year}年度报告，尚未报送：${missing.join('、')}`,
          en: `${done} of ${departments.length} agencies filing with this government have filed for ${report.year}; not yet: ${missing.join(', ')}`,
        },
        { expected: departments.length, actual: done },
      ),
    );
  }
  for (const path of ROLLED_UP_TOTALS) {
    const own = cellAt(report, path);
    const parts = filed.flatMap((f) => {
      const value = f.report ? cellAt(f.report, path) : null;
      return typeof value === 'number' && value > 0 ? [{ name: f.agency.name, value }] : [];
    });
    const sum = parts.reduce((total, p) => total + p.value, 0);
    if (typeof own !== 'number' || own >= sum) continue;
    const names = parts.map((p) => `${p.name} ${p.value}`).join('、');
    findings.push(
      finding(
        'R2',
        [path],
        {
          zh: `${cellName(report, path)}为 ${own}，小于已报送部门之和 ${sum}（${names}）；如本报告汇总了各部门，请核对`,
          en: `${path} is ${own}, less than the filed departments' sum ${sum} (${names}); check it if this report consolidates them`,
        },
        { expected: sum, actual: own },
      ),
    );
  }
  return findings;
}

async function departmentsOf(ports: RollUpPorts, governmentId: string, regionCode: string): Promise<Agency[]> {
  const found: Agency[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.agencies.listWithin(regionCode, { limit: 200, cursor });
    found.push(...page.items.filter((a) => a.supervisorId === governmentId && a.id !== governmentId));
    cursor = page.cursor;
  } while (cursor);
  return found;
}
