/**
 * `gongkai render --to html`: one self-contained UTF-8 page (no scripts, no external files) around the
 * official tables fragment, with the report's text parts in their printed order, so it can be mailed
 * or opened from disk.
 */
import { escapeHtml } from '#shared/render/escape-html.ts';
import { renderReportTables } from '#shared/render/tables-html/render-tables.ts';
import type { Finding } from '#shared/report/findings.ts';
import { TEXT_PART_LABELS, type TextPartKey } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { reportTitle } from '#shared/report/title.ts';

const STYLE = `
body { font-family: "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; margin: 2rem auto;
  max-width: 60rem; padding: 0 1rem; line-height: 1.6; color: #1a1a1a; }
h1 { font-size: 1.5rem; text-align: center; }
.meta { text-align: center; color: #555; }
table.report-table { border-collapse: collapse; width: 100%; margin: 1.5rem 0 0.5rem; font-size: 0.9rem; }
.report-table caption { font-weight: bold; text-align: left; padding-bottom: 0.5rem; }
.report-table th, .report-table td { border: 1px solid #444; padding: 0.25rem 0.4rem; }
.report-table td { text-align: right; }
.cell--error { background: #fde2e1; outline: 2px solid #c0392b; }
.cell--warning { background: #fff4d6; }
.cell--missing { background: #f3f3f3; }
.cell-note { display: block; font-size: 0.75rem; color: #555; }
.finding--error .finding__severity { color: #c0392b; font-weight: bold; }
.finding--warning .finding__severity { color: #9a6700; font-weight: bold; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

function paragraphs(text: string): string {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
}

function textPart(report: Report, key: TextPartKey): string {
  const body = paragraphs(report.text[key]);
  return key === 'preamble' ? body : `<h2>${escapeHtml(TEXT_PART_LABELS[key])}</h2>\n${body}`;
}

export function standalonePage(report: Report, findings: readonly Finding[] = []): string {
  const title = reportTitle(report, report.agency.name);
  const meta = [report.agency.name, `${report.year}年度`, report.publishedOn ? `发布于 ${report.publishedOn}` : null]
    .filter((part): part is string => part !== null)
    .join(' · ');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(meta)}</p>
${textPart(report, 'preamble')}
${textPart(report, 'overview')}
${renderReportTables(report, { findings })}
${textPart(report, 'problemsAndImprovements')}
${textPart(report, 'otherMatters')}
</main>
</body>
</html>
`;
}
