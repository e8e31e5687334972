/** What the offline commands print, run in-process with captured streams. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shapesOfPaths } from '#cli/format/receipt.ts';
import { runCli } from './captured-io.ts';

const SEED = resolve(import.meta.dirname, '../../fixtures/samples/2022-shaoguan-qujiang-trade-union.txt');
const ESC = '\u001b[';

let seedText: string;
let plantedText: string;
beforeAll(async () => {
  seedText = await readFile(SEED, 'utf8');
  plantedText = seedText.replace(/(一、本年新收政府信息公开申请数量\n\t)\u00a00\n/, '$15\n');
});

describe('gongkai check output', () => {
  it('groups the findings under 错误 with their numbers and ends with the verdict', async () => {
    const run = await runCli(['check', '-'], { stdin: plantedText });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('错误 errors（2）');
    expect(run.stdout).toContain('应为 5，实为 0');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('未通过：2 个错误、0 个警告 / 2 error(s), 0 warning(s)');
    expect(run.stdout).not.toContain(ESC);
  });

  it('colours only a terminal, and never when NO_COLOR is set', async () => {
    const tty = await runCli(['check', '-'], { stdin: plantedText, tty: true });
    expect(tty.stdout).toContain(`${ESC}31m✗ H1${ESC}39m`);
    const noColor = await runCli(['check', '-'], { stdin: plantedText, tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain(ESC);
  });

  it('enables S2 for an agency kind that cannot make 规章', async () => {
    const withRegulation = seedText.replace(/(\t规章\n\t)0\n/, '$12\n');
    const run = await runCli(['check', '-', '--agency-kind', 'township', '--json'], { stdin: withRegulation });
    const codes = JSON.parse(run.stdout).findings.map((f: { code: string }) => f.code);
    expect(codes).toContain('S2');
    const without = await runCli(['check', '-', '--json'], { stdin: withRegulation });
    expect(JSON.parse(without.stdout).findings.map((f: { code: string }) => f.code)).not.toContain('S2');
  });
});

describe('gongkai render', () => {
  it('writes CSV with a BOM, CRLF and one row per cell', async () => {
    const run = await runCli(['render', '-', '--to', 'csv'], { stdin: seedText });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('\uFEFFpath,table,row_label,column_label,value,note,explanation\r\n')).toBe(true);
    expect(run.stdout).toContain('applications.newReceived.naturalPerson,');
  });

  it('writes JSON identical to normalize', async () => {
    const rendered = await runCli(['render', '-', '--to', 'json'], { stdin: seedText });
    const normalized = await runCli(['normalize', '-'], { stdin: seedText });
    expect(rendered.stdout).toBe(normalized.stdout);
  });

  it('writes a standalone UTF-8 page that escapes what the report says and marks failing cells', async () => {
    const model = JSON.parse((await runCli(['normalize', '-'], { stdin: plantedText })).stdout);
    model.title = '<script>alert("公开")</script>年度报告';
    const run = await runCli(['render', '-', '--to', 'html'], { stdin: JSON.stringify(model) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(run.stdout).toContain('<meta charset="utf-8">');
    expect(run.stdout).toContain('<title>&lt;script&gt;alert(&quot;公开&quot;)&lt;/script&gt;年度报告</title>');
    expect(run.stdout).not.toContain('<script>');
    expect(run.stdout).toContain('cell--error');
    expect(run.stdout).toContain('<h2>五、存在的主要问题及改进情况</h2>');
  });
});

describe('shapesOfPaths', () => {
  it('names the table shapes a receipt’s finding paths fit', () => {
    expect(shapesOfPaths(['applications.otherProcessing.total'])).toEqual({
      proactiveDisclosure: '2021',
      applications: '23-row',
    });
    expect(shapesOfPaths(['proactiveDisclosure.procurement.projects', 'text.overview'])).toEqual({
      proactiveDisclosure: '2019',
      applications: '25-row',
    });
    expect(shapesOfPaths([])).toEqual({ proactiveDisclosure: '2021', applications: '25-row' });
  });
});
