import { describe, expect, it } from 'vitest';
import { readHtml } from '#shared/parse/html/read-html.ts';
import { paragraphs } from './grid-view.ts';

const read = (html: string) => paragraphs(readHtml(html));

describe('readHtml paragraphs', () => {
  it('makes one paragraph per block element and splits paragraphs at <br>', () => {
    expect(
      read('<div>一、总体情况</div><p>第一段<br>第二段</p><h2>二、主动公开</h2><ul><li>甲</li><li>乙</li></ul>'),
    ).toEqual(['一、总体情况', '第一段', '第二段', '二、主动公开', '甲', '乙']);
  });

  it('joins inline tags without adding spaces, as Word splits words into runs', () => {
    expect(
      read("<p><b>一</b><span style='font-family:黑体'>、总体</span><font face=宋体>情况</font><o:p></o:p></p>"),
    ).toEqual(['一、总体情况']);
  });

  it('collapses whitespace and &nbsp;, trims, and skips empty paragraphs', () => {
    expect(read('<p>&nbsp;&nbsp;　　全年   公开\t信息&nbsp;12条。 </p><p><o:p>&nbsp;</o:p></p><p>   </p>')).toEqual([
      '全年 公开 信息 12条。',
    ]);
  });

  it('drops a source line break between Chinese characters but keeps it as a space elsewhere', () => {
    expect(read('<p>现将本单位政府信\r\n息公开工作情况报告如下，共\n12\n件</p>')).toEqual([
      '现将本单位政府信息公开工作情况报告如下，共 12 件',
    ]);
  });

  it("reads text inside Word's <![if !supportLists]> list numbering and ignores conditional comments", () => {
    const html = `<p class=MsoListParagraph><![if !supportLists]><span><span style='mso-list:Ignore'>三、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span>收到和处理政府信息公开申请情况</span></p>
      <!--[if gte mso 9]><xml><o:DocumentProperties><o:Words>1024</o:Words></o:DocumentProperties></xml><![endif]-->`;
    expect(read(html)).toEqual(['三、 收到和处理政府信息公开申请情况']);
  });

  it('leaves out display:none, mso-hide:all and hidden elements', () => {
    expect(
      read(`<p>可见</p><p style="display: none">隐藏一</p><p style='mso-hide:all'>隐藏二</p><div hidden>隐藏三</div>
        <p>正文<span style="DISPLAY:NONE">隐藏四</span>继续</p>`),
    ).toEqual(['可见', '正文继续']);
  });

  it('leaves out scripts, styles, forms controls and templates', () => {
    expect(
      read(`<style>p{margin:0}</style><script>var count = 12345;</script><noscript>请启用脚本</noscript>
        <p>正文</p><select><option>全站</option></select><textarea>留言</textarea><template><p>模板</p></template>`),
    ).toEqual(['正文']);
  });

  it('keeps the lines of preformatted text as paragraphs', () => {
    expect(read('<pre>一、总体情况\n\t全年公开信息12条。\r\n\n二、主动公开政府信息情况</pre>')).toEqual([
      '一、总体情况',
      '全年公开信息12条。',
      '二、主动公开政府信息情况',
    ]);
  });

  it('width-normalises text written as character references', () => {
    expect(read('<p>&#65297;&#65298;件</p>')).toEqual(['12件']);
  });
});
