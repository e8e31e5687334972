/** Header and plain cells with their spans; every text is escaped here. */
import { escapeHtml } from '../escape-html.ts';

export interface Spans {
  readonly colspan?: number;
  readonly rowspan?: number;
}

function spanAttributes({ colspan, rowspan }: Spans): string {
  return `${colspan && colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan && rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
}

export function headerCell(
  text: string,
  scope: 'col' | 'colgroup' | 'row' | 'rowgroup',
  spans: Spans = {},
  className?: string,
): string {
  const classes = className === undefined ? '' : ` class="${className}"`;
  return `<th scope="${scope}"${classes}${spanAttributes(spans)}>${escapeHtml(text)}</th>`;
}

/** A cell that is neither header nor value, such as the 勾稽关系 note in the corner of 表三. */
export function noteCell(text: string, className: string, spans: Spans = {}): string {
  return `<td class="${className}"${spanAttributes(spans)}>${escapeHtml(text)}</td>`;
}

export function tableRow(cells: readonly string[]): string {
  return `<tr>${cells.join('')}</tr>`;
}

export function colgroups(spans: readonly number[]): string {
  return spans.map((span) => (span > 1 ? `<colgroup span="${span}"></colgroup>` : '<colgroup></colgroup>')).join('');
}
