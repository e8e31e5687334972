import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { decodeText } from '#shared/parse/decode.ts';
import type { Block } from '#shared/parse/grid.ts';
import { walkBlocks } from '#shared/parse/html/block-walker.ts';
import { findElement } from '#shared/parse/html/dom.ts';
import { isInvisible, looksLikeChrome } from '#shared/parse/html/page-chrome.ts';
import { readHtml } from '#shared/parse/html/read-html.ts';
import { findReportArticle } from '#shared/parse/html/report-article.ts';

/** The article read by a walk of its own, as a reader that walks the page twice does. */
function articleWalkedAgain(html: string): Block[] {
  const body = findElement(parse(html), 'body');
  if (!body) return [];
  const page = walkBlocks(body, isInvisible);
  const article = findReportArticle(body, page);
  const read = walkBlocks(article.root, (el) => isInvisible(el) || (looksLikeChrome(el) && !article.keep.has(el)));
  return (read.length > 0 ? read : page).map((p) => p.block);
}

/** readHtml's blocks without the title it may print above them. */
function articleRead(html: string): readonly Block[] {
  const { blocks } = readHtml(html);
  const walked = articleWalkedAgain(html);
  return blocks.length === walked.length + 1 ? blocks.slice(1) : blocks;
}

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '六、其他需要报告的事项',
];
const TABLE = '<table><tr><td>规章</td><td>1</td></tr><tr><td>规范性文件</td><td>2</td></tr></table>';
const CAPTIONED = `<table><caption>${HEADINGS[1]}</caption><tr><td>规章</td><td>3</td></tr></table>`;

describe('readHtml walks a page once', () => {
  it.each(['cms-2022', 'gbk-2022', 'hybrid-2023', 'word-2019', 'word-2021'])(
    'reads %s as a second walk of its article would',
    (name) => {
      const html = decodeText(new Uint8Array(readFileSync(`test/fixtures/html/${name}.html`))).text;
      expect(articleRead(html)).toEqual(articleWalkedAgain(html));
    },
  );

  it('reads any nesting of report parts, chrome and wrappers as a second walk would', () => {
    const part = fc.constantFrom(
      ...HEADINGS.map((h) => `<p>${h}</p>`),
      TABLE,
      CAPTIONED,
      '<p>正文<a href="#">链接</a>文字</p>',
      '<div class="share">分享到</div>',
      '<span class="nav">首页</span>',
      '<br class="crumb">',
      '<p style="display:none">隐藏</p>',
      '某某局2021年政府信息公开工作年度报告',
      '<pre>第一行\n第二行</pre>',
    );
    const wrapper = fc.constantFrom(
      ['<div id="zoom">', '</div>'],
      ['<span>', '</span>'],
      ['<font>', '</font>'],
      ['<pre>', '</pre>'],
      ['<a href="#">', '</a>'],
      ['<form>', '</form>'],
      ['<nav>', '</nav>'],
      ['<table><tr><td>', '</td></tr></table>'],
      ['<table><tr><td>', '</td><td>外</td></tr></table>'],
    );
    const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        part,
        fc
          .tuple(wrapper, fc.array(tie('node'), { maxLength: 4 }))
          .map(([[open, close], kids]) => open + kids.join('') + close),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), (nodes) => {
        const html = `<body>${nodes.join('\n')}</body>`;
        expect(articleRead(html)).toEqual(articleWalkedAgain(html));
      }),
      { numRuns: 1500 },
    );
  });
});
