/**
 * What an unknown URL answers: a browser gets the site's 404 page, an API client the API's error body. The API
 * lives under `/v1/` (and `/health`), so a path there is always answered in JSON; elsewhere a client that asks
 * for JSON and not for HTML gets JSON too, and everyone else the page.
 */
const API_PREFIX = '/v1/';

export function wantsNotFoundPage(path: string, accept: string | undefined): boolean {
  if (path.startsWith(API_PREFIX) || path === '/v1' || path === '/health') return false;
  const types = (accept ?? '').toLowerCase();
  return !(types.includes('application/json') && !types.includes('text/html') && !types.includes('*/*'));
}
