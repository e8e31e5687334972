/**
 * A canonical report read back from the data bucket. The filing wrote it there only after `ReportSchema`
 * accepted it, so reading it needs to tell a damaged or foreign object from one the page builders can trust,
 * not to run the contract again: the check is derived from the same label tables (every cell of the shapes
 * the report names, its text parts, the fields the pages print), without building the model's schema — the
 * classic zod build and a few hundred schema objects a function would otherwise load and construct at start.
 */
import * as z from '#shared/zod.ts';
import { TEXT_PART_LABELS } from './labels.ts';
import type { Report } from './model.ts';
import { cellRefs } from './paths.ts';

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCell = (value: unknown): boolean => value === null || (typeof value === 'number' && Number.isFinite(value));

const isStringOrNull = (value: unknown): boolean => value === null || typeof value === 'string';

const TEXT_KEYS = Object.keys(TEXT_PART_LABELS);

function hasShapes(shapes: unknown): shapes is Report['shapes'] {
  return (
    isFields(shapes) &&
    (shapes.proactiveDisclosure === '2021' || shapes.proactiveDisclosure === '2019') &&
    (shapes.applications === '25-row' || shapes.applications === '23-row')
  );
}

function hasCells(report: Fields, shapes: Report['shapes']): boolean {
  for (const ref of cellRefs(shapes)) {
    const table = report[ref.table];
    const row = isFields(table) ? table[ref.row] : undefined;
    if (!isFields(row) || !isCell(row[ref.column])) return false;
  }
  const extraRows = isFields(report.proactiveDisclosure) ? report.proactiveDisclosure.extraRows : undefined;
  return (
    extraRows === undefined ||
    (isFields(extraRows) && Object.values(extraRows).every((row) => isFields(row) && Object.values(row).every(isCell)))
  );
}

/** Whether a stored object is a canonical report in the shapes it names. */
export function isStoredReport(value: unknown): value is Report {
  if (!isFields(value) || value.schemaVersion !== 1 || !hasShapes(value.shapes)) return false;
  const { agency, text, cellNotes } = value;
  return (
    typeof value.title === 'string' &&
    isFields(agency) &&
    typeof agency.name === 'string' &&
    (agency.id === undefined || typeof agency.id === 'string') &&
    Number.isInteger(value.year) &&
    isStringOrNull(value.publishedOn) &&
    (value.format === '2021' || value.format === '2019') &&
    isFields(text) &&
    TEXT_KEYS.every((key) => typeof text[key] === 'string') &&
    isFields(cellNotes) &&
    Object.values(cellNotes).every((note) => typeof note === 'string') &&
    hasCells(value, value.shapes)
  );
}

/** For `readStoredJson`: a stored report that fails the check is reported as damaged. */
export const StoredReportSchema = z.custom<Report>(isStoredReport, 'not a canonical report');
