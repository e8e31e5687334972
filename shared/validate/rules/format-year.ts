/**
 * S6: the table shapes must fit the year. 国办公开办函〔2021〕30号 applies from the 2021 reports; the 2019
 * format (〔2019〕60号) covers 2019 and 2020. Hybrid reports (2021 表二 with the 23-row 表三) keep appearing in
 * 2023–2024, so they are accepted with a warning. The title's year must be the report year.
 */

import type { Finding } from '#shared/report/findings.ts';
import { TABLE_LABELS } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { finding } from '../messages.ts';

const FIRST_2021_FORMAT_YEAR = 2021;

function shapeFindings(report: Report): Finding[] {
  const modern = report.year >= FIRST_2021_FORMAT_YEAR;
  const { proactiveDisclosure: proactive, applications } = report.shapes;
  const findings: Finding[] = [];
  const expected = modern ? '2021年版格式（国办公开办函〔2021〕30号）' : '2019年版格式（国办公开办函〔2019〕60号）';
  const expectedEn = modern ? 'the 2021 format' : 'the 2019 format';
  if ((proactive === '2021') !== modern) {
    findings.push(
      finding('S6', ['shapes.proactiveDisclosure'], {
        zh: `${TABLE_LABELS.proactiveDisclosure.short}是${proactive}年版格式，${report.year}年度报告应使用${expected}。`,
        en: `Table 2 has the ${proactive} shape; a ${report.year} report should use ${expectedEn}.`,
      }),
    );
  }
  if ((applications === '25-row') !== modern) {
    const shape = applications === '25-row' ? '25 行（（六）其他处理分 3 行）' : '23 行（（六）其他处理只有 1 行）';
    findings.push(
      finding('S6', ['shapes.applications'], {
        zh: `${TABLE_LABELS.applications.short}是 ${shape}，${report.year}年度报告应使用${expected}。`,
        en: `Table 3 has ${applications === '25-row' ? 25 : 23} rows; a ${report.year} report should use ${expectedEn}.`,
      }),
    );
  }
  return findings;
}

/** Years printed in the title ("…2022年政府信息公开工作年度报告"). */
function titleYears(title: string): number[] {
  const normalised = title.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return [...normalised.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
}

function titleFindings(report: Report): Finding[] {
  const years = titleYears(report.title);
  if (years.length === 0 || years.includes(report.year)) return [];
  return [
    finding(
      'S6',
      ['title', 'year'],
      {
        zh: `标题中的年份（${years.join('、')}年）与报告年度（${report.year}年）不一致。`,
        en: `The title names ${years.join(', ')} but the report is for ${report.year}.`,
      },
      { expected: report.year, actual: years[0] },
    ),
  ];
}

export function checkFormatYear(report: Report): Finding[] {
  return [...shapeFindings(report), ...titleFindings(report)];
}
