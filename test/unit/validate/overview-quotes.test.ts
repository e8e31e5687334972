import { describe, expect, it } from 'vitest';
import { overviewQuotes } from '#shared/validate/rules/overview-quotes.ts';

const figures = (text: string) => overviewQuotes(text).map((q) => [q.figure, q.value]);

describe('overviewQuotes', () => {
  it.each([
    ['本年度共收到政府信息公开申请12件', [['received', 12]]],
    ['新收政府信息公开申请数量为１２件', [['received', 12]]],
    ['受理依申请公开申请3件，均已按时办结', [['received', 3]]],
    [
      '收到申请12件，上年结转2件，办结13件，结转下年度1件',
      [
        ['received', 12],
        ['carriedOver', 2],
        ['processed', 13],
        ['carriedForward', 1],
      ],
    ],
    [
      '已办结11件，结转1件',
      [
        ['processed', 11],
        ['carriedForward', 1],
      ],
    ],
    ['上年度结转政府信息公开申请2件', [['carriedOver', 2]]],
    [
      '全年被申请行政复议1件，提起行政诉讼2件',
      [
        ['review', 1],
        ['litigation', 2],
      ],
    ],
    ['报告期内，无公开信息申请。', [['received', 0]]],
    ['本年度未收到政府信息公开申请', [['received', 0]]],
    [
      '未发生因政府信息公开被申请行政复议或提起行政诉讼的情况',
      [
        ['review', 0],
        ['litigation', 0],
      ],
    ],
    [
      '行政复议、行政诉讼均为0',
      [
        ['review', 0],
        ['litigation', 0],
      ],
    ],
  ])('reads %s', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it.each([
    ['收到自然人申请10件'],
    ['通过网上收到申请10件，其中自然人申请8件'],
    ['2022年公开发布规章文件3条，工作动态29条'],
    ['按时办结率100%'],
    ['未办结2件'],
    ['2021年结转的申请2件'],
    ['行政复议结果维持1件'],
    ['对无正当理由大量反复申请的，不予处理'],
    ['无一例申请超期答复'],
    ['尚未审结的行政复议案件已移交'],
    ['均在法定期限内答复，未发生因依申请公开引发的行政复议败诉案件'],
  ])('reads nothing it could misattribute in %s', (text) => {
    expect(figures(text)).toEqual([]);
  });

  it('attributes 行政复议申请 to reconsiderations only', () => {
    expect(figures('收到行政复议申请3件')).toEqual([['review', 3]]);
  });
});
