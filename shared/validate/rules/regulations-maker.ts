/**
 * S2: 规章 are made only by 国务院部门 (部门规章) and by the governments of provinces, 设区的市 and 自治州
 * (地方政府规章) — 《立法法》 on 部门规章 and 地方政府规章. Real reports still fill the row: 木岗镇 2019 (28),
 * 松木塘镇 2022 (2), a 尼勒克 town 2023 (6 in force).
 *
 * Which registry kinds are flagged:
 * - township (乡镇、街道): never make 规章.
 * - other (群团组织, 事业单位 and the like, e.g. a 总工会): not 行政机关, so never make 规章.
 * - department: a 国务院部门 does make 规章 and the registry does not tell it from a county bureau, so no
 *   warning (a false one would hit every ministry).
 * - government: provincial and 设区的市 governments do; the kind does not carry the level, so no warning.
 */
import type { AgencyKind } from '#shared/registry/agency.ts';
import type { Finding } from '#shared/report/findings.ts';
import { PROACTIVE_2019_ROWS, PROACTIVE_2021_ROWS } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import type { CellValues } from '#shared/report/paths.ts';
import { cellName, finding, printed } from '../messages.ts';
import type { ValidationContext } from './rule.ts';

const CANNOT_MAKE_REGULATIONS: ReadonlySet<AgencyKind> = new Set(['township', 'subdistrict', 'other']);

const KIND_NAMES: Readonly<Record<AgencyKind, { zh: string; en: string }>> = {
  township: { zh: '乡镇人民政府、街道办事处', en: 'a township or subdistrict' },
  subdistrict: { zh: '街道办事处', en: 'a subdistrict office' },
  developmentZone: { zh: '开发区管理机构', en: 'a development zone' },
  other: { zh: '非行政机关（群团组织、事业单位等）', en: 'a body that is not an administrative organ' },
  department: { zh: '政府部门', en: 'a government department' },
  government: { zh: '人民政府', en: 'a government' },
};

function regulationPaths(report: Report): string[] {
  const rows = report.shapes.proactiveDisclosure === '2021' ? PROACTIVE_2021_ROWS : PROACTIVE_2019_ROWS;
  const row = rows.find((r) => r.key === 'regulations');
  return (row?.columns ?? []).map((c) => `proactiveDisclosure.regulations.${c}`);
}

export function checkRegulationsMaker(report: Report, context: ValidationContext, cells: CellValues): Finding[] {
  const kind = context.agencyKind;
  if (!kind || !CANNOT_MAKE_REGULATIONS.has(kind)) return [];
  const reported = regulationPaths(report).filter((p) => (cells.at(p) ?? 0) !== 0);
  if (reported.length === 0) return [];
  // Name the row once, then each column with its figure: 表二 › 第二十条第（一）项 › 规章：本年制发件数 2、…
  const row = cellName(report, reported[0] ?? '')
    .split(' › ')
    .slice(0, -1)
    .join(' › ');
  const figures = reported.map((p) => `${cellName(report, p).split(' › ').at(-1)} ${printed(cells.at(p) ?? 0)}`);
  const name = KIND_NAMES[kind];
  return [
    finding('S2', reported, {
      zh:
        `${row}填有${figures.join('、')}，但${name.zh}无权制定规章（规章只由国务院部门和省、设区的市、自治州人民政府制定），` +
        '请确认是否把本机关转发或执行的上级规章、规范性文件填进了“规章”一行。',
      en:
        `${reported.join(', ')} report regulations (规章), but ${name.en} cannot make them; only State Council ` +
        'departments and provincial, city and autonomous-prefecture governments can. Check whether regulations ' +
        'of higher bodies were counted.',
    }),
  ];
}
