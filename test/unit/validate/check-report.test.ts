import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkReport } from '#shared/check-report.ts';
import { isReportParseError } from '#shared/errors.ts';
import { sortFindings } from '#shared/validate/order-findings.ts';

const fixture = async (name: string) => ({
  bytes: new Uint8Array(await readFile(new URL(`../../fixtures/html/${name}`, import.meta.url))),
  fileName: name,
});

describe('checkReport', () => {
  it('reads a hybrid 2023 report and warns about its 23-row 表三', async () => {
    const checked = await checkReport(await fixture('hybrid-2023.html'));
    expect(checked.report.shapes).toEqual({ proactiveDisclosure: '2021', applications: '23-row' });
    expect(checked.findings.map((f) => [f.code, f.paths])).toEqual([['S6', ['shapes.applications']]]);
    expect(checked.layout.length).toBeGreaterThan(0);
  });

  it('lists errors before warnings in the validator order', async () => {
    const checked = await checkReport(await fixture('word-2019.html'));
    const codes = checked.findings.map((f) => f.code);
    expect(codes).toContain('H7');
    expect(codes.indexOf('H7')).toBeLessThan(codes.indexOf('S5'));
    expect(checked.findings).toEqual(sortFindings(checked.findings, checked.report.shapes));
  });

  it('passes the filing context on to the rules', async () => {
    const input = await fixture('hybrid-2023.html');
    const { report } = await checkReport(input);
    expect(report.publishedOn).not.toBeNull();
    const late = await checkReport(input, { deadline: '2024-01-01', agencyKind: 'township' });
    expect(report.publishedOn! > '2024-01-01').toBe(true);
    expect(late.findings.map((f) => f.code)).toContain('S7');
  });

  it('throws a ReportParseError for input that is not a report', async () => {
    const error = await checkReport({ bytes: new Uint8Array(), fileName: 'empty.txt' }).catch((e: unknown) => e);
    expect(isReportParseError(error)).toBe(true);
  });
});
