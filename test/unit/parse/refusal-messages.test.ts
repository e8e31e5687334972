/**
 * Every refusal says what the file holds and what a report needs that it lacks; each message class is
 * tried on the kind of file that earns it, most of them built from a corpus report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '#shared/errors.ts';
import { MAX_TEXT_BYTES } from '#shared/media-types.ts';
import { readIsolated } from '#shared/parse/isolated-reader.ts';
import { parseReport } from '#shared/parse/parse-report.ts';
import { PART_LABELS } from '#shared/report/labels.ts';
import { hostileBytes } from '../../fixtures/hostile/hostile-documents.ts';
import { writeZip } from './docx/zip-writer.ts';

const CORPUS = new URL('../../fixtures/corpus/', import.meta.url);
/** The 2021 template filled in, as Word puts it on the clipboard: a line a paragraph or table row. */
const REPORT = readFileSync(new URL('template-2021.word-copy.txt', CORPUS), 'utf8');
const SCAN = new URL('../../fixtures/pdf/image-only-scan.pdf', import.meta.url);
const TITLES = new Set(PART_LABELS.map((p) => `${p.numeral}、${p.title}`));

const encode = (text: string) => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array): Promise<ReportParseError> {
  const error = await parseReport({ bytes, fileName: 'page.txt' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReportParseError);
  return error as ReportParseError;
}

function reportLines(): string[] {
  return REPORT.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/**
 * The report as a crawler that keeps some line breaks leaves it: each part heading that follows a sentence
 * runs on after it, and the heading of part 五 runs into the paragraph below it.
 */
function crawledWithHeadingsInLines(): string {
  const out: string[] = [];
  const lines = reportLines();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const previous = out.at(-1);
    if (TITLES.has(line) && line.startsWith('五、')) {
      out.push(`${line} ${lines[++i]}`);
    } else if (TITLES.has(line) && previous?.endsWith('。')) {
      out[out.length - 1] = `${previous} ${line}`;
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}

describe('text crawled from a report page, its part headings inside lines', () => {
  it('reads the report when each heading follows a sentence end or starts its line', async () => {
    const crawled = crawledWithHeadingsInLines();
    expect(crawled).toContain('责任追究情况。 二、主动公开政府信息情况');
    expect(crawled).toMatch(/^五、存在的主要问题及改进情况 \S/m);
    const original = await parseReport({ bytes: encode(REPORT) });
    const read = await parseReport({ bytes: encode(crawled) });
    expect(read.report).toEqual(original.report);
    expect(read.findings).toEqual(original.findings);
  });

  it('refuses it flattened to one line, naming the headings found, those inside lines, and the figures', async () => {
    const { code, messages } = await refusal(encode(REPORT.replace(/\s+/g, ' ')));
    expect(code).toBe('NOT_A_REPORT');
    expect(messages.zh).toContain('读到 1 行文字，找到第一、二、六部分的标题');
    expect(messages.zh).toContain(
      '另有“三、收到和处理政府信息公开申请情况”“四、政府信息公开行政复议、行政诉讼情况”“五、存在的主要问题及改进情况”部分标题夹在行文中间',
    );
    expect(messages.zh).toMatch(/没有表格：正文中夹着 \d{3} 个数字，表格似乎被并成了行文/);
    expect(messages.en).toContain('the headings of parts 一, 二, 六');
    expect(messages.en).toMatch(/no table: \d{3} figures run through the text/);
  });
});

describe('a report with its headings but no table', () => {
  it('is read, tables empty, when its prose holds only the counts prose holds', async () => {
    const counts = Array.from({ length: 25 }, (_, i) => `第${i + 1}类信息${(i + 1) * 7}条`).join('，');
    const text = [
      '某某局2022年政府信息公开工作年度报告',
      ...PART_LABELS.map((p) => `${p.numeral}、${p.title}`).flatMap((h, i) => [
        h,
        i === 0 ? `本年主动公开${counts}。` : '无。',
      ]),
    ].join('\n');
    const { report } = await parseReport({ bytes: encode(text) });
    expect(report.year).toBe(2022);
    expect(report.text.overview).toContain('第25类信息175条');
  });
});

describe('refusing a document that is not a report names what was found and what is missing', () => {
  it('says plainly when there are neither headings nor tables', async () => {
    const { messages } = await refusal(encode('今天天气很好。\n我们去公园散步。\n'));
    expect(messages.zh).toContain('读到 2 行文字，没有“一、总体情况”等单独成行的部分标题；也没有表格');
    expect(messages.en).toContain('no table');
  });

  it("counts a table's rows when none is a row of the report's tables", async () => {
    const budget = '单位预算公开\n项目\t金额\t占比\n办公费\t12\t40%\n差旅费\t18\t60%\n';
    const { code, messages } = await refusal(encode(budget));
    expect(code).toBe('NOT_A_REPORT');
    expect(messages.zh).toContain('读到 3 个表格行，但没有一行能读作年报表格中带数字的行');
  });

  it('says which headings and table rows were read when the year is nowhere', async () => {
    const undated = REPORT.replace(/(?:19|20)\d\d(?=年|-|\/)/g, '本');
    const { code, messages } = await refusal(encode(undated));
    expect(code).toBe('NOT_A_REPORT');
    expect(messages.zh).toMatch(
      /^未能识别报告年度：找到 6 个部分标题和 \d+ 行年报表格，但标题、前言和总体情况中都没有“××××年”/,
    );
  });

  it('tells whitespace from an empty file, with its size', async () => {
    expect((await refusal(encode(' \n\u3000\r\n'))).messages.zh).toBe(
      '文件的 7 个字节全是空格、换行等空白字符，没有任何文字。',
    );
    expect((await refusal(new Uint8Array(0))).messages.zh).toBe('文件为空，没有任何内容。');
  });

  it('names the size of a file too large, and the kind of a picture', async () => {
    const large = await refusal(new Uint8Array(MAX_TEXT_BYTES + 512 * 1024).fill(0x30));
    expect(large.messages.zh).toContain('文件有 10.5 MB，超过 10 MB 的上限');
    const png = await refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(png.messages.zh).toContain('文件是 PNG 图片');
  });

  it('says what gave binary bytes, undecodable text and a plain ZIP away', async () => {
    const gzip = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256));
    expect((await refusal(gzip)).messages.zh).toContain('文件不是文本：其中有空字节（0x00），且不是 UTF-16 文本');
    const controls = encode(`${REPORT.slice(0, 300)}${'\u0001\u0002\u0003'.repeat(20)}`);
    expect((await refusal(controls)).messages.zh).toMatch(/开头部分有 [\d.]+% 的字符是控制字符/);
    // GB18030 decodes nearly any bytes; bytes it cannot map are the undecodable ones.
    const broken = new Uint8Array(Array.from({ length: 600 }, (_, i) => (i % 2 === 0 ? 0x81 : 0x20)));
    const undecodable = await refusal(broken);
    expect(undecodable.code).toBe('UNDECODABLE_TEXT');
    expect(undecodable.messages.zh).toMatch(/开头部分仍有 [\d.]+% 的字符无法解码/);
    const zip = writeZip([{ name: 'report.txt', data: encode(REPORT) }]);
    expect((await refusal(zip)).messages.zh).toContain('其中没有 Word 文档的正文（word/document.xml）');
  });

  it('counts the pages and the characters of a scanned PDF', { timeout: 30_000 }, async () => {
    const { code, messages } = await refusal(new Uint8Array(readFileSync(SCAN)));
    expect(code).toBe('NEEDS_OCR');
    expect(messages.zh).toContain('PDF 文件共 2 页，没有一个文字（每页不到 25 个）');
    expect(messages.en).toContain('2 pages and 0 characters');
  });

  it('names the limit a DOCX bomb exceeds and by how much', { timeout: 30_000 }, async () => {
    const { code, messages } = await refusal(hostileBytes('docx-inflates-120mb.docx'));
    expect(code).toBe('INPUT_TOO_LARGE');
    expect(messages.zh).toContain('XML 部件解压后共 120 MB，超过 4 MB 的上限');
  });

  it('says a reader stopped at its deadline ran out of time', { timeout: 30_000 }, async () => {
    const error = await readIsolated('pdf', new Uint8Array(readFileSync(SCAN)), { deadlineMs: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).messages.zh).toContain('读取这份 PDF 文件用时超过 0.001 秒的上限');
  });
});
