import { describe, expect, it } from 'vitest';
import type { RouteDecl } from '../../../infra/declaration.ts';
import { compileRoutes, matchRoute } from '../../../infra/local/route-table.ts';

const routes: RouteDecl<string>[] = [
  { method: 'GET', path: '/v1/submissions/{submissionId}', fn: 'getSubmission', auth: 'agencyOrAdmin' },
  { method: 'GET', path: '/v1/files/{path+}', fn: 'getFile', auth: 'none' },
  { method: 'GET', path: '/v1/submissions/latest', fn: 'latestSubmission', auth: 'agency' },
  { method: 'DELETE', path: '/v1/admin/agencies/{agencyId}/tokens/{tokenId}', fn: 'revokeToken', auth: 'admin' },
  { method: 'GET', path: '/health', fn: 'health', auth: 'none' },
];
const table = compileRoutes(routes);

describe('matchRoute', () => {
  it('extracts path parameters from {name} templates', () => {
    expect(matchRoute(table, 'DELETE', '/v1/admin/agencies/qujiang-trade-union/tokens/t1')).toEqual({
      route: routes[3],
      routeKey: 'DELETE /v1/admin/agencies/{agencyId}/tokens/{tokenId}',
      pathParameters: { agencyId: 'qujiang-trade-union', tokenId: 't1' },
    });
  });

  it('prefers a literal segment over a parameter, whatever the declaration order', () => {
    expect(matchRoute(table, 'GET', '/v1/submissions/latest')?.route.fn).toBe('latestSubmission');
    expect(matchRoute(table, 'GET', '/v1/submissions/s-1')?.route.fn).toBe('getSubmission');
  });

  it('lets a greedy parameter take the rest of the path', () => {
    expect(matchRoute(table, 'GET', '/v1/files/reports/2022/v1.json')?.pathParameters).toEqual({
      path: 'reports/2022/v1.json',
    });
    expect(matchRoute(table, 'GET', '/v1/files')).toBeUndefined();
  });

  it('needs the method, the segment count and every literal to agree', () => {
    expect(matchRoute(table, 'POST', '/health')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/health/extra')).toBeUndefined();
    expect(matchRoute(table, 'GET', '/v1/submissions')).toBeUndefined();
  });

  it('ignores a trailing slash', () => {
    expect(matchRoute(table, 'GET', '/health/')?.routeKey).toBe('GET /health');
  });
});
