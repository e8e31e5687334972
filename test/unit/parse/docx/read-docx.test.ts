import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '#shared/parse/docx/read-docx.ts';
import { isOleCompoundFile, isWordDocx } from '#shared/parse/docx/word-signature.ts';
import { type Grid, originTexts } from '#shared/parse/grid.ts';
import { APPLICATIONS_IDENTITY_NOTE } from '#shared/report/labels.ts';
import { expectationOf, figureRowsOf } from '../pdf/sample-figures.ts';
import { templateBytes } from './template-filler.ts';

const CITY = '2024-huaian-city-government';

function fixtureDocx(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../fixtures/docx/${name}.docx`, import.meta.url)));
}

function tablesOf(blocks: Awaited<ReturnType<typeof readDocx>>['blocks']): Grid[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.grid] : []));
}

describe('readDocx', () => {
  it('reads every figure typed into the official template, table by table', async () => {
    const expected = expectationOf(CITY);
    const tables = tablesOf((await readDocx(fixtureDocx(CITY))).blocks);
    expect(tables).toHaveLength(3);
    const [proactive, applications, reviews] = tables.map((t) => figureRowsOf(t).map((r) => r.figures));
    expect(proactive).toEqual(Object.values(expected.proactiveDisclosure));
    expect(applications).toEqual(Object.values(expected.applications));
    expect(reviews).toEqual([Object.values(expected.reviewsAndLawsuits).flat()]);
  });

  it('keeps the title, the part headings and the text in reading order', async () => {
    const { blocks, layout } = await readDocx(fixtureDocx(CITY));
    expect(layout).toBe('docx');
    const kinds = blocks.map((b) => (b.kind === 'table' ? 'table' : b.text));
    expect(kinds[0]).toBe('淮安市人民政府2024年政府信息公开工作年度报告');
    expect(kinds.indexOf('一、总体情况')).toBeLessThan(kinds.indexOf('二、主动公开政府信息情况'));
    expect(kinds[kinds.indexOf('二、主动公开政府信息情况') + 1]).toBe('table');
    expect(kinds.at(-1)).toContain('全年收取政府信息公开信息处理费3940元');
  });

  it('reads the blank official template as its three tables with every value cell empty', async () => {
    const tables = tablesOf((await readDocx(templateBytes())).blocks);
    expect(tables).toHaveLength(3);
    const [proactive, applications] = tables as [Grid, Grid];
    const rowOf = (grid: Grid, label: string) => grid.rows.map(originTexts).find((r) => r.includes(label)) ?? [];
    expect(rowOf(proactive, '规章')).toEqual(['规章', '', '', '']);
    expect(rowOf(proactive, '行政许可')).toEqual(['行政许可', '']);
    expect(rowOf(applications, '一、本年新收政府信息公开申请数量').slice(1)).toEqual(['', '', '', '', '', '', '']);
    expect(rowOf(applications, '3.其他').slice(-7)).toEqual(['', '', '', '', '', '', '']);
  });

  it('holds the text of a merged cell once, not in every grid position it covers', async () => {
    const tables = tablesOf((await readDocx(templateBytes())).blocks);
    const note = (tables[1] as Grid).rows.flat().filter((c) => c.text === APPLICATIONS_IDENTITY_NOTE);
    expect(note.length).toBe(9);
    expect(note.filter((c) => !c.spanned)).toHaveLength(1);
  });
});

describe('Word file signatures', () => {
  it('tells a DOCX from another ZIP and from a legacy .doc', () => {
    expect(isWordDocx(templateBytes())).toBe(true);
    expect(isWordDocx(new TextEncoder().encode('PK\u0003\u0004 xl/workbook.xml'))).toBe(false);
    expect(isOleCompoundFile(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toBe(true);
    expect(isOleCompoundFile(templateBytes())).toBe(false);
  });
});
