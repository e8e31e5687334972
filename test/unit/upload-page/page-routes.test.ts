import { describe, expect, it } from 'vitest';
import { MemoryAgencyRegistry } from '#shared/adapters/memory/memory-agency-registry.ts';
import { MemoryOfficeRegistry } from '#shared/adapters/memory/memory-office-registry.ts';
import { findingKey } from '#shared/report/explanations.ts';
import type { Finding } from '#shared/report/findings.ts';
import { createHandler as getMe } from '../../../functions/http/get-me.ts';
import { createHandler as submitReport } from '../../../functions/http/submit-report.ts';
import { filingWorld } from '../filing/filing-world.ts';
import { SEED_AGENCY, SEED_TEXT, withArithmeticError } from '../filing/seed-report.ts';
import { ADMIN_CALLER, AGENCY_CALLER, ANONYMOUS_CALLER, call, httpEvent } from '../functions/http-event.ts';

const TEXT = 'text/plain; charset=utf-8';

async function meFor(principal: typeof AGENCY_CALLER) {
  const agencies = new MemoryAgencyRegistry();
  await agencies.create(SEED_AGENCY);
  return call(
    getMe(() => ({ agencies, offices: new MemoryOfficeRegistry() })),
    httpEvent('GET /v1/me', { principal }),
  );
}

describe('GET /v1/me', () => {
  it('names the agency a token acts for, so the page can greet it', async () => {
    const res = await meFor(AGENCY_CALLER);
    expect(res.statusCode).toBe(200);
    expect(res.body).toEqual({ principal: 'agency', agencyId: SEED_AGENCY.id, agencyName: '韶关市曲江区总工会' });
  });

  it('tells an admin token apart, with no agency', async () => {
    const res = await meFor(ADMIN_CALLER);
    expect(res.body).toEqual({ principal: 'admin', agencyId: null, agencyName: null });
  });

  it('refuses a caller without a valid token with 401', async () => {
    const res = await meFor(ANONYMOUS_CALLER);
    expect(res.statusCode).toBe(401);
    expect(res.body.error?.code).toBe('UNAUTHENTICATED');
  });
});

describe('POST /v1/reports?dryRun=true&render=html', () => {
  async function dryRun(body: string, query: Record<string, string>) {
    const ports = await filingWorld();
    const handler = submitReport(() => ports);
    const res = await call(
      handler,
      httpEvent('POST /v1/reports', { principal: AGENCY_CALLER, body, contentType: TEXT, query }),
    );
    return { res, ports };
  }

  it('adds the official tables with the failing cells marked and tied to their findings', async () => {
    const { res, ports } = await dryRun(withArithmeticError(SEED_TEXT), { dryRun: 'true', render: 'html' });
    expect(res.statusCode).toBe(200);
    expect(res.body.hasErrors).toBe(true);
    const html = String(res.body.tablesHtml);
    expect(html).toContain('本年新收政府信息公开申请数量');
    expect(html).toMatch(/<td id="check-applications\.newReceived\.naturalPerson"[^>]*class="cell cell--error"/);
    expect(html).toContain('aria-describedby="check-finding-');
    expect(ports.submissions.all()).toEqual([]);
  });

  it('names every finding by the key its explanation must carry', async () => {
    const { res } = await dryRun(withArithmeticError(SEED_TEXT), { dryRun: 'true' });
    const findings = res.body.findings as (Finding & { key?: string })[];
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.key).toBe(findingKey(finding));
    expect(findings.every((f) => f.key?.startsWith(`${f.code}:`))).toBe(true);
  });

  it('leaves the tables out unless asked, and refuses an unknown rendering', async () => {
    const plain = await dryRun(SEED_TEXT, { dryRun: 'true' });
    expect(plain.res.body).not.toHaveProperty('tablesHtml');
    const unknown = await dryRun(SEED_TEXT, { dryRun: 'true', render: 'pdf' });
    expect(unknown.res.statusCode).toBe(400);
    expect(unknown.res.body.error?.code).toBe('INVALID_REQUEST');
  });

  it('files as before when render=html comes without dryRun', async () => {
    const { res } = await dryRun(SEED_TEXT, { render: 'html' });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toHaveProperty('tablesHtml');
  });
});
