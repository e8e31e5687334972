/**
 * Random canonical reports of every shape for property tests: figures with and without printed
 * annotations, units and placeholders, text parts made of whole sentences.
 */
import fc from 'fast-check';
import {
  AMOUNT_COLUMNS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS_23,
  APPLICATION_ROWS_25,
  PROACTIVE_2019_ROWS,
  PROACTIVE_2021_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  SIGNED_COLUMNS,
} from '#shared/report/labels.ts';
import type { ApplicationsShape, Cell, Report, ReportFormat } from '#shared/report/model.ts';

interface PrintedCell {
  readonly value: Cell;
  readonly note?: string;
}

const AGENCIES = [
  '韶关市曲江区总工会',
  '淮安市洪泽区人民政府',
  '上海市人民政府办公厅',
  '孝感市生态环境局',
  '深圳市龙华区教育局',
  '佳县螅镇人民政府',
];

const SENTENCES = [
  '本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。',
  '全年通过门户网站主动公开政府信息三百余条。',
  '报告期内未收到政府信息公开申请。',
  '加强政府信息公开保密审查，严格落实“先审查、后公开”和“一事一审”制度。',
  '主要问题：公开内容不够全面，解读回应不够及时。',
  '改进措施：加强业务培训，提高信息发布质量。',
  '本年度未制发信息处理费收费通知，未发生收取信息处理费的情况。',
  '其他需报告事项无。',
];

const PLACEHOLDERS = ['/', '-', '—', '_', '无'];

function numberFor(column: string): fc.Arbitrary<number> {
  if (AMOUNT_COLUMNS.has(column)) return fc.nat({ max: 10_000_000 }).map((n) => n / 100);
  if (SIGNED_COLUMNS.has(column)) return fc.integer({ min: -500, max: 500 });
  return fc.nat({ max: 99_999 });
}

function cellFor(column: string, blanks: boolean): fc.Arbitrary<PrintedCell> {
  const plain = numberFor(column).map((value) => ({ value }));
  const choices: fc.WeightedArbitrary<PrintedCell>[] = [
    { weight: 8, arbitrary: plain },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.nat({ max: 999 }), fc.nat({ max: 99 }))
        .map(([value, k]) => ({ value, note: `${value}（其中修订${k}件）` })),
    },
    { weight: 1, arbitrary: fc.nat({ max: 999 }).map((value) => ({ value, note: `${value}件` })) },
    { weight: 1, arbitrary: fc.constantFrom(...PLACEHOLDERS).map((note) => ({ value: null, note })) },
  ];
  if (blanks) choices.push({ weight: 1, arbitrary: fc.constant({ value: null }) });
  return fc.oneof(...choices);
}

type Table = Record<string, Record<string, Cell>>;

function tableFor(
  table: string,
  rows: readonly { key: string; columns: readonly string[] }[],
  blanks: boolean,
): fc.Arbitrary<{ table: Table; notes: Record<string, string> }> {
  const cells = rows.flatMap((r) => r.columns.map((c) => ({ row: r.key, column: c })));
  return fc.tuple(...cells.map((c) => cellFor(c.column, blanks))).map((printed) => {
    const out: Table = {};
    const notes: Record<string, string> = {};
    printed.forEach((p, i) => {
      const { row, column } = cells[i] as { row: string; column: string };
      out[row] ??= {};
      (out[row] as Record<string, Cell>)[column] = p.value;
      if (p.note !== undefined) notes[`${table}.${row}.${column}`] = p.note;
    });
    return { table: out, notes };
  });
}

const text = (min: number) =>
  fc.array(fc.constantFrom(...SENTENCES), { minLength: min, maxLength: 3 }).map((s) => s.join('\n'));

const isoDate = fc
  .record({
    year: fc.integer({ min: 2020, max: 2031 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

/** A random report; `blanks` allows empty cells (not every text layout can print one). */
export function reportArbitrary(blanks: boolean): fc.Arbitrary<Report> {
  const applicantColumns = APPLICANT_COLUMNS.map((c) => c.key);
  const reviewRows = REVIEW_GROUPS.map((g) => ({ key: g.key, columns: REVIEW_COLUMNS.map((c) => c.key) }));
  return fc
    .record({
      agency: fc.constantFrom(...AGENCIES),
      year: fc.integer({ min: 2019, max: 2030 }),
      publishedOn: fc.option(isoDate, { nil: null }),
      format: fc.constantFrom<ReportFormat>('2021', '2019'),
      applicationsShape: fc.constantFrom<ApplicationsShape>('25-row', '23-row'),
      preamble: text(0),
      overview: text(0),
      problems: text(0),
      other: text(0),
    })
    .chain((m) => {
      const proactiveRows = m.format === '2021' ? PROACTIVE_2021_ROWS : PROACTIVE_2019_ROWS;
      const applicationRows = (m.applicationsShape === '25-row' ? APPLICATION_ROWS_25 : APPLICATION_ROWS_23).map(
        (r) => ({ key: r.key, columns: applicantColumns }),
      );
      return fc
        .tuple(
          tableFor('proactiveDisclosure', proactiveRows, blanks),
          tableFor('applications', applicationRows, blanks),
          tableFor('reviewsAndLawsuits', reviewRows, blanks),
        )
        .map(([proactive, applications, reviews]) => {
          const report: Report = {
            schemaVersion: 1,
            title: `${m.agency}${m.year}年政府信息公开工作年度报告`,
            agency: { name: m.agency },
            year: m.year,
            publishedOn: m.publishedOn,
            format: m.format,
            shapes: { proactiveDisclosure: m.format, applications: m.applicationsShape },
            text: {
              preamble: m.preamble,
              overview: m.overview,
              problemsAndImprovements: m.problems,
              otherMatters: m.other,
            },
            proactiveDisclosure: proactive.table as unknown as Report['proactiveDisclosure'],
            applications: applications.table as unknown as Report['applications'],
            reviewsAndLawsuits: reviews.table as unknown as Report['reviewsAndLawsuits'],
            cellNotes: { ...proactive.notes, ...applications.notes, ...reviews.notes },
          };
          return report;
        });
    });
}
