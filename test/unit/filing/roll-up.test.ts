import { describe, expect, it } from 'vitest';
import { rollUpFindings } from '#shared/filing/roll-up.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { cellAt } from '#shared/report/paths.ts';
import { buildReport, withCells } from '../../helpers/report-builder.ts';
import { filing, filingWorld } from './filing-world.ts';
import { SEED_AGENCY, SEED_TEXT } from './seed-report.ts';

const GOVERNMENT: Agency = { ...SEED_AGENCY, id: 'qujiang-gov', name: '韶关市曲江区人民政府', kind: 'government' };
const department = (id: string, name: string): Agency => ({
  ...SEED_AGENCY,
  id,
  name,
  kind: 'department',
  supervisorId: GOVERNMENT.id,
});
const DEPARTMENTS = [
  department('qj-edu', '韶关市曲江区教育局'),
  department('qj-audit', '韶关市曲江区审计局'),
  department('qj-land', '韶关市曲江区自然资源局'),
];
const signedBy = (name: string) => SEED_TEXT.replaceAll('韶关市曲江区总工会', name);

describe('the roll-up check', () => {
  it('warns a government filed after two of its three departments, naming the one missing (R1)', async () => {
    const ports = await filingWorld();
    for (const agency of [GOVERNMENT, ...DEPARTMENTS]) await ports.agencies.create(agency);
    for (const d of DEPARTMENTS.slice(0, 2)) {
      const filed = await submitReport(ports, filing(signedBy(d.name), { agencyId: d.id }));
      expect(filed).toMatchObject({ kind: 'filed', submission: { status: 'accepted' } });
    }
    const outcome = await submitReport(ports, filing(signedBy(GOVERNMENT.name), { agencyId: GOVERNMENT.id }));
    expect(outcome).toMatchObject({ kind: 'filed', submission: { status: 'accepted' } });
    const findings = outcome.kind === 'filed' ? (outcome.submission.findings ?? []) : [];
    const r1 = findings.filter((f) => f.code === 'R1');
    expect(r1).toEqual([expect.objectContaining({ severity: 'warning', expected: 3, actual: 2, paths: [] })]);
    expect(r1[0]?.message.zh).toContain('尚未报送：韶关市曲江区自然资源局');
    expect(r1[0]?.message.zh).not.toContain('教育局');
  });

  it('says nothing to a department, or to a government whose departments have all filed', async () => {
    const ports = await filingWorld();
    for (const agency of [GOVERNMENT, ...DEPARTMENTS.slice(0, 1)]) await ports.agencies.create(agency);
    const dept = await submitReport(ports, filing(signedBy(DEPARTMENTS[0]?.name ?? ''), { agencyId: 'qj-edu' }));
    const gov = await submitReport(ports, filing(signedBy(GOVERNMENT.name), { agencyId: GOVERNMENT.id, dryRun: true }));
    for (const outcome of [dept, gov]) {
      const findings =
        outcome.kind === 'filed'
          ? (outcome.submission.findings ?? [])
          : outcome.kind === 'dryRun'
            ? outcome.findings
            : [];
      expect(findings.filter((f) => f.code.startsWith('R'))).toEqual([]);
    }
  });
});

describe('the roll-up sums (R2)', () => {
  const TOTALS = [
    'applications.newReceived.total',
    'reviewsAndLawsuits.review.total',
    'reviewsAndLawsuits.litigationDirect.total',
  ];
  const departmentReport = buildReport('2021', 2022);
  const twice = Object.fromEntries(TOTALS.map((p) => [p, 2 * Number(cellAt(departmentReport, p))]));

  /** Two departments' reports stored as their current versions, as accepted filings leave them. */
  async function twoDepartmentsFiled() {
    const ports = await filingWorld();
    for (const agency of [GOVERNMENT, ...DEPARTMENTS.slice(0, 2)]) await ports.agencies.create(agency);
    for (const d of DEPARTMENTS.slice(0, 2)) {
      const report = { ...departmentReport, agency: { name: d.name, id: d.id } };
      const key = `reports/${d.id}/2022/v1.json`;
      await ports.data.put(key, new TextEncoder().encode(JSON.stringify(report)), 'application/json');
      await ports.versions.putIfAbsent({
        agencyId: d.id,
        year: 2022,
        version: 1,
        submissionId: `s-${d.id}`,
        sha256: 'a'.repeat(64),
        original: { key: `originals/${'a'.repeat(64)}`, contentType: 'application/json', fileName: null, sizeBytes: 1 },
        canonicalKey: key,
        acceptedAt: '2023-01-20T02:00:00.000Z',
        publishedOn: '2023-01-20',
        amendmentReason: null,
        imported: false,
        hasErrors: false,
        warningCount: 0,
      });
    }
    return ports;
  }

  it('passes a government whose totals are at least its departments’ sums', async () => {
    const ports = await twoDepartmentsFiled();
    const findings = await rollUpFindings(ports, GOVERNMENT, withCells(departmentReport, twice));
    expect(findings.filter((f) => f.code === 'R2')).toEqual([]);
  });

  it('warns of a total below the departments’ sum, naming the departments and their figures', async () => {
    const ports = await twoDepartmentsFiled();
    const path = 'applications.newReceived.total';
    const short = withCells(departmentReport, { ...twice, [path]: (twice[path] ?? 0) - 1 });
    const r2 = (await rollUpFindings(ports, GOVERNMENT, short)).filter((f) => f.code === 'R2');
    expect(r2).toEqual([
      expect.objectContaining({
        severity: 'warning',
        paths: [path],
        expected: twice[path],
        actual: (twice[path] ?? 0) - 1,
      }),
    ]);
    const each = cellAt(departmentReport, path);
    expect(r2[0]?.message.zh).toContain(`韶关市曲江区教育局 ${each}`);
    expect(r2[0]?.message.zh).toContain(`韶关市曲江区审计局 ${each}`);
  });
});
