import { describe, expect, it } from 'vitest';
import { readHtml } from '#shared/parse/html/read-html.ts';
import { allText, outline, paragraphs } from './grid-view.ts';

const REPORT = `<p>根据《中华人民共和国政府信息公开条例》，现公布本报告。</p>
  <p>一、总体情况</p><p>全年主动公开信息86条。</p>
  <p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>1</td></tr></table>
  <p>六、其他需要报告的事项</p><p>无。</p>`;

describe('readHtml finds the report inside page chrome', () => {
  it('reads only the container that holds the report headings and tables', () => {
    const doc = readHtml(`<div class="top">今天是2023年3月1日</div>
      <div class="info">发布时间：2023-01-18 浏览次数：1024</div>
      <div id="zoom">${REPORT}</div>
      <div class="links"><p>上一篇：某某通知</p></div>`);
    expect(paragraphs(doc)[0]).toBe('根据《中华人民共和国政府信息公开条例》，现公布本报告。');
    expect(allText(doc)).not.toMatch(/1024|2023年3月1日|上一篇/);
    expect(outline(doc)).toEqual(['p', 'p', 'p', 'p', 'table', 'p', 'p']);
  });

  it('takes the report title printed above the container, not menu links or breadcrumbs', () => {
    const doc = readHtml(`<div class="sidebar"><a>某某局2020年政府信息公开工作年度报告</a></div>
      <div class="crumbs">首页 &gt; 政务公开 &gt; 2021年度报告</div>
      <h1>某某局2021年政府信息公开工作年度报告</h1><div class="info">2022-01-20</div>
      <div id="zoom">${REPORT}</div>`);
    expect(paragraphs(doc)[0]).toBe('某某局2021年政府信息公开工作年度报告');
    expect(allText(doc)).not.toContain('2020年');
  });

  it("takes the title from the article's own <header>", () => {
    const doc = readHtml(`<article><header><h1>某某局2021年政府信息公开工作年度报告</h1></header>
      <div class="content">${REPORT}</div></article>`);
    expect(paragraphs(doc)[0]).toBe('某某局2021年政府信息公开工作年度报告');
  });

  it('does not take a sidebar table of report-like links for the report', () => {
    const doc =
      readHtml(`<div class="sidebar"><table><tr><td><a>行政许可</a></td><td><a>行政处罚</a></td></tr></table></div>
      <div class="article">${REPORT}</div>`);
    expect(allText(doc)).not.toContain('行政许可');
  });

  it('does not repeat the title when the container prints it too', () => {
    const doc = readHtml(`<h1>某某局2021年政府信息公开工作年度报告</h1>
      <div id="zoom"><p>某某局2021年政府信息公开工作年度报告</p>${REPORT}</div>`);
    expect(paragraphs(doc).filter((p) => p.includes('年度报告'))).toHaveLength(1);
  });

  it('drops navigation, breadcrumbs, share bars, sidebars and footers, also inside the report container', () => {
    const doc = readHtml(`<nav><a>首页</a></nav>
      <div class="article"><header><p>临江市人民政府</p></header><div class="breadcrumb">当前位置：首页</div>
        ${REPORT}
        <div class="bdsharebuttonbox">分享到：微信</div><aside>热点 12</aside>
        <div class="footer">电话：0571-87051234</div><footer>网站标识码 3301000031</footer>
      </div>`);
    expect(paragraphs(doc)).toContain('全年主动公开信息86条。');
    expect(allText(doc)).not.toMatch(/首页|分享|热点|0571|3301000031|临江/);
  });

  it('keeps a chrome-looking wrapper that holds the report, as ASP.NET pages wrap everything in a form', () => {
    const doc = readHtml(`<form id="form1"><div class="nav">首页</div><div class="content">${REPORT}</div></form>`);
    expect(paragraphs(doc)).toContain('全年主动公开信息86条。');
    expect(allText(doc)).not.toContain('首页');
  });

  it('reads the whole page when it shows no report structure, minus chrome', () => {
    const doc = readHtml('<div class="menu">首页</div><p>通知正文</p><div class="footer">版权所有</div>');
    expect(paragraphs(doc)).toEqual(['通知正文']);
  });

  it('falls back to everything when the chrome guess would leave nothing', () => {
    expect(paragraphs(readHtml('<div class="navigation-content"><p>全部正文都在这里</p></div>'))).toEqual([
      '全部正文都在这里',
    ]);
  });

  it('returns no blocks for an empty or text-free page', () => {
    expect(readHtml('').blocks).toEqual([]);
    expect(readHtml('<html><head><title>报告</title></head><body><script>1</script></body></html>').blocks).toEqual([]);
  });
});
