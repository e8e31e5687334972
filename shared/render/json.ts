/**
 * The canonical JSON of a report: keys in the order of the contract (docs/spec/report-model.md §1–§4), rows and
 * columns in the order the template prints them, cell notes in cell order, 2-space indent, final newline.
 * The same report always gives the same bytes, so downloads diff cleanly year on year.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS_23,
  APPLICATION_ROWS_25,
  PROACTIVE_2019_ROWS,
  PROACTIVE_2021_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
} from '#shared/report/labels.ts';
import type { Cell, Report } from '#shared/report/model.ts';
import { findingPathOrder } from '#shared/validate/order-findings.ts';

type Rows = Readonly<Record<string, Readonly<Record<string, Cell>> | undefined>>;

function orderedTable(table: Rows, rows: readonly { key: string; columns: readonly string[] }[]) {
  return Object.fromEntries(
    rows.map(({ key, columns }) => [key, Object.fromEntries(columns.map((c) => [c, table[key]?.[c] ?? null]))]),
  );
}

function proactive(report: Report) {
  const rows = report.shapes.proactiveDisclosure === '2021' ? PROACTIVE_2021_ROWS : PROACTIVE_2019_ROWS;
  const { extraRows, ...table } = report.proactiveDisclosure;
  return { ...orderedTable(table, rows), ...(extraRows ? { extraRows } : {}) };
}

function applications(report: Report) {
  const rows = report.shapes.applications === '25-row' ? APPLICATION_ROWS_25 : APPLICATION_ROWS_23;
  const columns = APPLICANT_COLUMNS.map((c) => c.key);
  return orderedTable(
    report.applications,
    rows.map((r) => ({ key: r.key, columns })),
  );
}

function reviews(report: Report) {
  const columns = REVIEW_COLUMNS.map((c) => c.key);
  return orderedTable(
    report.reviewsAndLawsuits,
    REVIEW_GROUPS.map((g) => ({ key: g.key, columns })),
  );
}

function cellNotes(report: Report): Record<string, string> {
  const order = (path: string) => findingPathOrder(path, report.shapes);
  const paths = Object.keys(report.cellNotes).sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(paths.map((p) => [p, report.cellNotes[p] ?? '']));
}

/** The report with every object's keys in contract order. */
export function canonicalReport(report: Report): Report {
  const { name, id } = report.agency;
  return {
    schemaVersion: report.schemaVersion,
    title: report.title,
    agency: id === undefined ? { name } : { name, id },
    year: report.year,
    publishedOn: report.publishedOn,
    format: report.format,
    shapes: { proactiveDisclosure: report.shapes.proactiveDisclosure, applications: report.shapes.applications },
    text: {
      preamble: report.text.preamble,
      overview: report.text.overview,
      problemsAndImprovements: report.text.problemsAndImprovements,
      otherMatters: report.text.otherMatters,
    },
    proactiveDisclosure: proactive(report) as Report['proactiveDisclosure'],
    applications: applications(report) as Report['applications'],
    reviewsAndLawsuits: reviews(report) as Report['reviewsAndLawsuits'],
    cellNotes: cellNotes(report),
  };
}

export function renderReportJson(report: Report): string {
  return `${JSON.stringify(canonicalReport(report), null, 2)}\n`;
}
