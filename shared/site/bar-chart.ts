/**
 * A horizontal bar chart as inline SVG: readable without script or CSS, with its figures printed on the
 * bars and summarised in its accessible name (the same figures are also in a table beside it).
 */
import { escapeHtml } from '#shared/render/escape-html.ts';
import { formatNumber } from '#shared/render/format-number.ts';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

const LABEL_WIDTH = 120;
const BAR_AREA = 360;
const ROW = 32;

export function renderBarChart(title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 8;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 4;
    const width = Math.round((Math.max(0, bar.value) / max) * BAR_AREA);
    const value = escapeHtml(formatNumber(bar.value));
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + 19}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${width}" height="${ROW - 10}" class="bar"></rect>` +
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + 19}">${value}</text>`
    );
  });
  const summary = `${title}：${bars.map((b) => `${b.label}${formatNumber(b.value)}`).join('，')}`;
  return `<svg class="bar-chart" role="img" aria-label="${escapeHtml(summary)}" viewBox="0 0 ${LABEL_WIDTH + BAR_AREA + 80} ${height}" width="100%" preserveAspectRatio="xMinYMin meet"><title>${escapeHtml(summary)}</title>${rows.join('')}</svg>`;
}
