/**
 * Reports for rule tests: every shape, all arithmetic consistent, every figure non-zero and distinct
 * enough that a swapped cell shows, texts that quote the tables correctly. Setters return a new report.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS_23,
  APPLICATION_ROWS_25,
  RESULT_ROW_KEYS_23,
  RESULT_ROW_KEYS_25,
  type TextPartKey,
} from '#shared/report/labels.ts';
import { type Cell, type Report, ReportSchema } from '#shared/report/model.ts';

export type BuiltShape = '2021' | '2019' | 'hybrid';

type Row = Record<string, Cell>;
type Table = Record<string, Row>;

const SIX = APPLICANT_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);

function applicationsTable(shape: '25-row' | '23-row'): Table {
  const rows = shape === '25-row' ? APPLICATION_ROWS_25 : APPLICATION_ROWS_23;
  const results: readonly string[] = shape === '25-row' ? RESULT_ROW_KEYS_25 : RESULT_ROW_KEYS_23;
  const perColumn = (f: (j: number) => number) => Object.fromEntries(SIX.map((key, j) => [key, f(j)]));
  const table: Table = {};
  results.forEach((row, i) => {
    table[row] = perColumn((j) => i * 6 + j + 1);
  });
  table.totalProcessed = perColumn((j) => results.reduce((sum, row) => sum + (table[row]?.[SIX[j] ?? ''] ?? 0), 0));
  table.carriedOver = perColumn((j) => 200 + j);
  table.carriedForward = perColumn((j) => 300 + j);
  table.newReceived = perColumn((j) => (table.totalProcessed?.[SIX[j] ?? ''] ?? 0) + 300 + j - (200 + j));
  const ordered: Table = {};
  for (const { key } of rows) {
    const row = table[key] ?? {};
    ordered[key] = { ...row, total: SIX.reduce((sum, c) => sum + (row[c] ?? 0), 0) };
  }
  return ordered;
}

const PROACTIVE_2021: Table = {
  regulations: { issued: 2, repealed: 1, inForce: 12 },
  normativeDocuments: { issued: 5, repealed: 3, inForce: 41 },
  licensing: { decisions: 120 },
  penalty: { decisions: 35 },
  coercion: { decisions: 4 },
  adminFees: { amountWanYuan: 12.5 },
};

const PROACTIVE_2019: Table = {
  regulations: { newlyMade: 2, newlyPublished: 2, totalPublished: 30 },
  normativeDocuments: { newlyMade: 6, newlyPublished: 6, totalPublished: 45 },
  licensing: { previousYearItems: 80, change: -3, decisions: 120 },
  otherExternalServices: { previousYearItems: 20, change: 2, decisions: 55 },
  penalty: { previousYearItems: 60, change: 1, decisions: 35 },
  coercion: { previousYearItems: 9, change: -2, decisions: 4 },
  adminFees: { previousYearItems: 5, change: -1 },
  procurement: { projects: 8, totalAmount: 180774.8 },
};

const REVIEWS: Table = {
  review: { upheld: 3, corrected: 1, otherResult: 2, pending: 1, total: 7 },
  litigationDirect: { upheld: 2, corrected: 1, otherResult: 1, pending: 1, total: 5 },
  litigationAfterReview: { upheld: 1, corrected: 2, otherResult: 1, pending: 2, total: 6 },
};

const total = (table: Table, row: string) => table[row]?.total ?? 0;

function overviewFor(apps: Table): string {
  return (
    `（二）依申请公开情况。本年度共收到政府信息公开申请${total(apps, 'newReceived')}件，` +
    `上年结转${total(apps, 'carriedOver')}件，办结${total(apps, 'totalProcessed')}件，` +
    `结转下年度继续办理${total(apps, 'carriedForward')}件。全年被申请行政复议${total(REVIEWS, 'review')}件，` +
    `提起行政诉讼${total(REVIEWS, 'litigationDirect') + total(REVIEWS, 'litigationAfterReview')}件。`
  );
}

export function buildReport(shape: BuiltShape = '2021', year = shape === '2019' ? 2020 : 2022): Report {
  const applicationsShape = shape === '2021' ? '25-row' : '23-row';
  const proactiveShape = shape === '2019' ? '2019' : '2021';
  const applications = applicationsTable(applicationsShape);
  const unpaid = applications.otherUnpaidFee?.total;
  return ReportSchema.parse({
    schemaVersion: 1,
    title: `示范市示范局${year}年政府信息公开工作年度报告`,
    agency: { name: '示范市示范局' },
    year,
    publishedOn: `${year + 1}-01-20`,
    format: proactiveShape,
    shapes: { proactiveDisclosure: proactiveShape, applications: applicationsShape },
    text: {
      preamble: '根据《中华人民共和国政府信息公开条例》，现公布本机关年度报告。',
      overview: overviewFor(applications),
      problemsAndImprovements: '主要问题：公开渠道较为单一。改进措施：拓展公开渠道，加强业务培训。',
      otherMatters:
        unpaid === undefined
          ? '本年度未收取信息处理费。'
          : `本年度共发出信息处理费收费通知${unpaid}份，收取信息处理费0元。`,
    },
    proactiveDisclosure: structuredClone(proactiveShape === '2021' ? PROACTIVE_2021 : PROACTIVE_2019),
    applications,
    reviewsAndLawsuits: structuredClone(REVIEWS),
    cellNotes: {},
  });
}

/** Like the seed report (韶关市曲江区总工会 2022): every figure 0, "无公开信息申请". */
export function zeroReport(): Report {
  const report = buildReport('2021', 2022);
  return modified(report, (r) => {
    for (const table of ['proactiveDisclosure', 'applications', 'reviewsAndLawsuits'] as const) {
      for (const row of Object.values(r[table] as unknown as Table)) {
        for (const column of Object.keys(row)) row[column] = 0;
      }
    }
    r.title = '韶关市曲江区总工会2022年政府信息公开工作年度报告';
    r.agency = { name: '韶关市曲江区总工会' };
    r.publishedOn = '2023-01-06';
    r.text.overview =
      '（一）主动公开政务信息情况。2022年公开发布规章文件3条，规划计划1条，工作动态29条。' +
      '（二）依申请公开政务信息办理情况。报告期内，无公开信息申请。';
    r.text.otherMatters = '本年度未制发信息处理费收费通知，未发生收取信息处理费的情况。其他需报告事项无。';
  });
}

/** The previous year's report that every cross-year rule accepts (its text written for its own year). */
export function previousYearOf(report: Report): Report {
  return modified(report, (r) => {
    r.year = report.year - 1;
    r.title = r.title.replace(String(report.year), String(r.year));
    r.text.overview =
      '上一年度，本机关以门户网站为主渠道，集中公开机构职能、规划计划和财政预决算信息，' +
      '按时办理每一件依申请公开事项，并组织全体干部学习修订后的《条例》。';
    const apps = r.applications as unknown as Table;
    apps.carriedForward = { ...(report.applications as unknown as Table).carriedOver };
    if (r.shapes.proactiveDisclosure === '2021') {
      const pd = r.proactiveDisclosure as unknown as Table;
      for (const row of ['regulations', 'normativeDocuments']) {
        const now = pd[row] ?? {};
        pd[row] = { ...now, inForce: (now.inForce ?? 0) - (now.issued ?? 0) + (now.repealed ?? 0) };
      }
    }
  });
}

export function modified(report: Report, change: (draft: Report) => void): Report {
  const draft = structuredClone(report);
  change(draft);
  return draft;
}

export function withCells(report: Report, cells: Readonly<Record<string, Cell>>): Report {
  return modified(report, (r) => {
    for (const [path, value] of Object.entries(cells)) {
      const [table = '', row = '', column = ''] = path.split('.');
      const rows = (r as unknown as Record<string, Table>)[table];
      if (!rows?.[row] || !(column in rows[row])) throw new Error(`no cell ${path} in this report`);
      rows[row][column] = value;
    }
  });
}

export function withCell(report: Report, path: string, value: Cell): Report {
  return withCells(report, { [path]: value });
}

export function withText(report: Report, part: TextPartKey, text: string): Report {
  return modified(report, (r) => {
    r.text[part] = text;
  });
}

export function withNote(report: Report, path: string, note: string): Report {
  return modified(report, (r) => {
    r.cellNotes[path] = note;
  });
}
