/**
 * `?render=html` on a dry run: the three official tables with the failing cells marked, rendered by the
 * same module as the public pages, so the upload page shows exactly the published layout without
 * shipping a second renderer to the browser.
 */
import * as z from 'zod';
import { renderReportTables } from '#shared/render/tables-html/render-tables.ts';
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import type { HttpRequest } from './http.ts';
import { parseInput } from './request-input.ts';

const RenderQuerySchema = z.lazy(() => z.object({ render: z.enum(['html']).optional() }));

/** Element ids in the fragment start with this, so it cannot clash with the page that shows it. */
export const TABLES_ID_PREFIX = 'check-';

export function tablesHtmlRequested(request: HttpRequest): boolean {
  return parseInput(RenderQuerySchema, { render: request.query.render }, 'query').render === 'html';
}

export function renderedTables(report: Report, findings: readonly Finding[]): { readonly tablesHtml: string } {
  return { tablesHtml: renderReportTables(report, { findings, idPrefix: TABLES_ID_PREFIX }) };
}
