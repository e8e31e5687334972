/** One value cell of a table: its number, or the printed placeholder of a missing one, with its marks. */
import type { Cell } from '#shared/report/model.ts';
import { escapeHtml } from '../escape-html.ts';
import { formatNumber } from '../format-number.ts';
import { type CellMark, cellElementId } from './cell-marks.ts';

export interface ValueCellInput {
  readonly path: string;
  readonly value: Cell | undefined;
  /** The cell's printed text when it was not a plain number (cellNotes). */
  readonly note: string | undefined;
  readonly mark: CellMark | undefined;
  readonly idPrefix: string | undefined;
  readonly colspan?: number;
}

const MISSING = '<span class="visually-hidden">缺失</span>';

function content(value: Cell | undefined, note: string | undefined): string {
  if (value === null || value === undefined) {
    const shown = note === undefined || note.trim() === '' ? '—' : escapeHtml(note);
    return `${shown}${MISSING}`;
  }
  const number = escapeHtml(formatNumber(value));
  return note === undefined ? number : `${number}<span class="cell-note">原文：${escapeHtml(note)}</span>`;
}

export function valueCell(input: ValueCellInput): string {
  const classes = ['cell'];
  if (input.value === null || input.value === undefined) classes.push('cell--missing');
  if (input.mark && input.mark.severity !== 'info') classes.push(`cell--${input.mark.severity}`);
  const attributes = [
    `id="${escapeHtml(cellElementId(input.path, input.idPrefix))}"`,
    `data-path="${escapeHtml(input.path)}"`,
    `class="${classes.join(' ')}"`,
    input.colspan && input.colspan > 1 ? `colspan="${input.colspan}"` : '',
    input.mark ? `aria-describedby="${escapeHtml(input.mark.findingIds.join(' '))}"` : '',
  ].filter((a) => a !== '');
  const explainedBy = input.mark?.explainedBy;
  // A link to the finding that holds the filer's explanation, beside the value it explains.
  const explained = explainedBy ? `<a class="cell-explained" href="#${escapeHtml(explainedBy)}">有说明</a>` : '';
  return `<td ${attributes.join(' ')}>${content(input.value, input.note)}${explained}</td>`;
}
