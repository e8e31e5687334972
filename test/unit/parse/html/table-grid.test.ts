import { describe, expect, it } from 'vitest';
import { readHtml } from '#shared/parse/html/read-html.ts';
import { gridView, outline, paragraphs, tables } from './grid-view.ts';

const onlyTable = (html: string) => {
  const [grid] = tables(readHtml(html));
  if (!grid) throw new Error('no table read');
  return gridView(grid);
};

describe('readHtml table grids', () => {
  it('expands rowspan and colspan into a rectangle whose copies are flagged spanned', () => {
    const grid = onlyTable(`<table>
      <tr><td colspan="3" rowspan="2">note</td><td colspan="2">申请人情况</td></tr>
      <tr><td>自然人</td><td>总计</td></tr>
      <tr><td rowspan="2">三</td><td colspan="2">（一）予以公开</td><td>4</td><td>5</td></tr>
      <tr><td>（三）</td><td>1.属于国家秘密</td><td>6</td><td>7</td></tr>
    </table>`);
    expect(grid).toEqual([
      ['note', '^note', '^note', '申请人情况', '^申请人情况'],
      ['^note', '^note', '^note', '自然人', '总计'],
      ['三', '（一）予以公开', '^（一）予以公开', '4', '5'],
      ['^三', '（三）', '1.属于国家秘密', '6', '7'],
    ]);
  });

  it('joins Word runs split mid-label without spaces and drops <o:p> end marks', () => {
    const grid = onlyTable(`<table><tr>
      <td><p class=MsoNormal><span style='font-family:宋体'>一</span><span style='font-family:宋体'>、本年新收政府信息公开申请数量</span><span lang=EN-US><o:p></o:p></span></p></td>
      <td><p class=MsoNormal><span>其</span><span>他</span></p></td>
      <td><p class=MsoNormal><span lang=EN-US>12<o:p></o:p></span></p></td>
    </tr></table>`);
    expect(grid).toEqual([['一、本年新收政府信息公开申请数量', '其他', '12']]);
  });

  it('joins lines broken by <br> or by paragraphs inside a cell without a space', () => {
    const grid = onlyTable(`<table><tr>
      <td>本年新<br />制作数量</td>
      <td><p>商业</p>
          <p>企业</p></td>
      <td>结果<br>
      纠正</td>
    </tr></table>`);
    expect(grid).toEqual([['本年新制作数量', '商业企业', '结果纠正']]);
  });

  it('reads &nbsp; and <o:p>&nbsp;</o:p> cells as blank and collapses padding around figures', () => {
    const grid = onlyTable(`<table><tr>
      <td>&nbsp;</td><td><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td>
      <td>&nbsp; 0 &nbsp;</td><td>　２５１０００元　</td><td>22（其中修订 16
      件）</td>
    </tr></table>`);
    expect(grid).toEqual([['', '', '0', '251000元', '22（其中修订 16 件）']]);
  });

  it('counts <thead>, <tbody>, <tfoot> rows and <th> cells', () => {
    const grid = onlyTable(`<table><thead><tr><th>行政复议</th><th>行政诉讼</th></tr></thead>
      <tbody><tr><td>1</td><td>2</td></tr></tbody><tfoot><tr><td>3</td><th>4</th></tr></tfoot></table>`);
    expect(grid).toEqual([
      ['行政复议', '行政诉讼'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('completes implied end tags as a browser does', () => {
    expect(onlyTable('<table><tr><td>规章<td>1<td>2<tr><td>行政规范性文件<td>3<td>4</table>')).toEqual([
      ['规章', '1', '2'],
      ['行政规范性文件', '3', '4'],
    ]);
  });

  it('clamps absurd spans: rowspan past the last row, rowspan=0, colspan=0 and colspan=1000', () => {
    const grid = onlyTable(`<table>
      <tr><td rowspan="1000">a</td><td colspan="0">b</td><td colspan="1000">c</td></tr>
      <tr><td>d</td><td rowspan="0">e</td></tr>
      <tr><td>f</td></tr>
    </table>`);
    expect(grid).toEqual([
      ['a', 'b', 'c'],
      ['^a', 'd', 'e'],
      ['^a', 'f', '^e'],
    ]);
  });

  it('pads short rows with blank cells instead of shifting cells left', () => {
    expect(
      onlyTable('<table><tr><td>自然人</td><td>1</td><td>2</td></tr><tr><td>法人</td><td>3</td></tr></table>'),
    ).toEqual([
      ['自然人', '1', '2'],
      ['法人', '3', ''],
    ]);
  });

  it("drops Word's empty spacer row under tables with merged cells", () => {
    const grid = onlyTable(`<table><tr><td colspan=2>第二十条第（五）项</td></tr><tr><td>行政许可</td><td>12</td></tr>
      <![if !supportMisc]><tr height=0><td width=48 style='border:none'></td><td width=96 style='border:none'></td></tr><![endif]></table>`);
    expect(grid).toEqual([
      ['第二十条第（五）项', '^第二十条第（五）项'],
      ['行政许可', '12'],
    ]);
  });

  it('leaves out hidden text inside a cell', () => {
    expect(
      onlyTable(
        '<table><tr><td>规章<span style="display:none">（旧）</span></td><td>1<span hidden>9</span></td></tr></table>',
      ),
    ).toEqual([['规章', '1']]);
  });

  it('emits the data tables of a layout table as their own blocks, in order, with the text around them', () => {
    const doc = readHtml(`<table width="100%"><tr><td>
      <p>二、主动公开政府信息情况</p>
      <table><tr><td>规章</td><td>1</td></tr></table>
      <p>三、收到和处理政府信息公开申请情况</p>
      <table><tr><td>自然人</td><td>2</td></tr></table>
    </td></tr></table>`);
    expect(outline(doc)).toEqual(['p', 'table', 'p', 'table']);
    expect(tables(doc).map(gridView)).toEqual([[['规章', '1']], [['自然人', '2']]]);
    expect(paragraphs(doc)).toEqual(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']);
  });

  it('keeps a table split by a heading as two tables', () => {
    const doc = readHtml(`<table><tr><td>规章</td><td>1</td></tr></table>
      <p>（续表）</p><table><tr><td>行政许可</td><td>2</td></tr></table>`);
    expect(outline(doc)).toEqual(['table', 'p', 'table']);
  });

  it('reads a one-column table as paragraphs, since it holds no grid', () => {
    const doc = readHtml('<table><tr><td>一、总体情况</td></tr><tr><td>全年公开信息12条。</td></tr></table>');
    expect(outline(doc)).toEqual(['p', 'p']);
    expect(paragraphs(doc)).toEqual(['一、总体情况', '全年公开信息12条。']);
  });
});
