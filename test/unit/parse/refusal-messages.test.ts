import { describe, expect, it } from 'vitest';
import { ReportParseError } from '#shared/errors.ts';
import { parseReport } from '#shared/parse/parse-report.ts';

async function refusal(text: string): Promise<ReportParseError> {
  const error = await parseReport({ bytes: new TextEncoder().encode(text), fileName: 'page.txt' }).catch((e) => e);
  expect(error).toBeInstanceOf(ReportParseError);
  return error as ReportParseError;
}

describe('refusing a document that is not a report names what was found and what is missing', () => {
  it('says the part titles of crawler text sit inside lines rather than heading their own', async () => {
    const crawled = [
      '首页 > 政务公开 > 年报 某某局2022年政府信息公开工作年度报告 发布时间：2023-01-18 一、总体情况 2022年，我局认真贯彻《条例》。',
      '浏览次数：102 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 规章 0 0 0 三、收到和处理政府信息公开申请情况 自然人 0',
      '四、政府信息公开行政复议、行政诉讼情况 0 0 0 五、存在的主要问题及改进情况 无 六、其他需要报告的事项 无 【打印】【关闭】',
    ].join('\n');
    const { code, messages: message } = await refusal(crawled);
    expect(code).toBe('NOT_A_REPORT');
    expect(message.zh).toContain('读到 3 行文字');
    expect(message.zh).toContain(
      '“一、总体情况”“二、主动公开政府信息情况”“三、收到和处理政府信息公开申请情况”等 5 个部分标题夹在行文中间',
    );
    expect(message.en).toContain('sit inside lines');
    expect(message.zh).not.toContain('没有找到“一、总体情况”');
  });

  it('says plainly when there are neither headings nor tables', async () => {
    const { messages: message } = await refusal('今天天气很好。\n我们去公园散步。\n');
    expect(message.zh).toContain('读到 2 行文字，没有“一、总体情况”等单独成行的部分标题');
    expect(message.zh).toContain('也没有表格');
    expect(message.en).toContain('no table');
  });
});
