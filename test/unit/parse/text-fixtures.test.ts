import { describe, expect, it } from 'vitest';
import { parseReport } from '#shared/parse/parse-report.ts';
import { expectedReport, textFixture } from './fixture-files.ts';

const CASES = [
  [
    'tab-cells-2021',
    'text/tab-cells',
    'tab-indented cells with split headers, NBSP around figures and an annotated cell',
  ],
  ['cell-lines-2019', 'text/cell-lines', 'one cell per line: 2019 format, signed 本年增/减, "251000元" and "无"'],
  ['pipe-cells-2021', 'text/pipe-cells', 'cells ending in " |": bare "|" blanks and "/", "—", "_" placeholders'],
  [
    'pipe-rows-hybrid-2023',
    'text/pipe-rows',
    'markdown pipe rows with colspan padding, "(一)" and "1、": the hybrid 23-row table',
  ],
  [
    'space-rows-hubei-2020',
    'text/space-rows',
    "space-separated rows with Hubei's long labels, an extra row and figures below labels",
  ],
] as const;

describe.each(CASES)('parseReport on %s', (name, layout, what) => {
  it(`reads ${what} into the designed report`, async () => {
    const parsed = await parseReport({ bytes: textFixture(name), fileName: `${name}.txt` });
    expect(parsed.layout).toBe(layout);
    expect(parsed.findings).toEqual([]);
    expect(parsed.report).toEqual(expectedReport(name));
  });
});
