import { describe, expect, it } from 'vitest';
import { checkReport } from '#shared/check-report.ts';
import type { Report } from '#shared/report/model.ts';
import {
  comparedText,
  containment,
  MAX_PASSAGE_CHARS,
  sharedPassages,
  shingles,
} from '#shared/validate/copy-detection.ts';
import { buildReport, modified, previousYearOf, withCell, withText } from '../../helpers/report-builder.ts';
import { bytesOf, ofYear, SEED_TEXT } from '../filing/seed-report.ts';
import { findingsOf } from './rule-case.ts';

async function seedOf(year: number): Promise<Report> {
  const text = year === 2022 ? SEED_TEXT : ofYear(SEED_TEXT, year);
  return (await checkReport({ bytes: bytesOf(text), contentType: 'text/plain' })).report;
}

const REWRITTEN_OVERVIEW =
  '本年度我会围绕职工群众关切，新开设“工会服务”专栏，集中公开困难职工帮扶、职工医疗互助和劳模评选的办理结果，' +
  '全年在门户网站发布信息四十余条，并在各镇街工会服务站设置公开栏，方便不上网的职工查阅。';
const REWRITTEN_PROBLEMS =
  '存在问题：专栏更新不够及时，部分信息发布滞后。改进措施：明年起实行专人每周更新制度，' +
  '并把公开工作纳入各部室年度考核，同时开通公众号留言功能，回应职工关切。';

describe('copy detection (C1): text parts against last year', () => {
  it("warns on each prose part of the seed filed again as next year's, quoting the shared passages", async () => {
    const [before, after] = [await seedOf(2022), await seedOf(2023)];
    const findings = findingsOf('C1', after, { previous: before });
    expect(findings.map((f) => f.paths)).toEqual([['text.overview'], ['text.problemsAndImprovements']]);
    for (const f of findings) {
      expect(f.severity).toBe('warning');
      expect(f.message.zh).toMatch(/与本机关2022年度报告的同一部分高度重复（100% 的文字相同，超过 80%）/);
      expect(f.passages?.length).toBeGreaterThan(0);
      expect(f.passages?.length).toBeLessThanOrEqual(3);
      for (const p of f.passages ?? []) {
        expect(Array.from(p).length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
        expect(f.message.zh).toContain(`“${p}”`);
      }
    }
    // Passages are cut from the text as printed, with its year changed: the 2023 text, not 2022's.
    expect(findings[0]?.passages?.[0]).toMatch(/^2023年韶关市曲江区总工会坚持以习近平新时代/);
  });

  it('is quiet when the parts were written for the year, when the years are not adjacent, and offline', async () => {
    const before = await seedOf(2022);
    const rewritten = modified(await seedOf(2023), (r) => {
      r.text.overview = REWRITTEN_OVERVIEW;
      r.text.problemsAndImprovements = REWRITTEN_PROBLEMS;
    });
    expect(findingsOf('C1', rewritten, { previous: before })).toEqual([]);
    expect(findingsOf('C1', await seedOf(2024), { previous: before })).toEqual([]);
    expect(findingsOf('C1', await seedOf(2023), {})).toEqual([]);
  });

  it('leaves short stock sentences and the preamble alone', async () => {
    const [before, after] = [await seedOf(2022), await seedOf(2023)];
    const findings = findingsOf('C1', after, { previous: before });
    expect(findings.map((f) => f.paths[0])).not.toContain('text.otherMatters');
    expect(findings.map((f) => f.paths[0])).not.toContain('text.preamble');
  });

  it('reads figures and spacing as the same text, and a part one paragraph longer still as a copy', () => {
    const a = comparedText('2022年，共收到申请 12 件，全部按时办结。');
    const b = comparedText('2023年，共收到申请7件，\n全部按时办结。');
    expect(a.chars.join('')).toBe(b.chars.join(''));
    const old = shingles(comparedText(REWRITTEN_OVERVIEW));
    const longer = comparedText(`${REWRITTEN_OVERVIEW}此外，本年度还组织了两次政务公开业务培训。`);
    expect(containment(shingles(longer), old)).toBeGreaterThan(0.8);
    expect(sharedPassages(longer, old)[0]).toMatch(/^本年度我会围绕.*…$/);
  });
});

describe('repeated figures (C2): every table equal to last year while the text was rewritten', () => {
  const current = buildReport('2021', 2022);
  const identical = modified(previousYearOf(current), (r) => {
    r.applications = structuredClone(current.applications);
    r.proactiveDisclosure = structuredClone(current.proactiveDisclosure);
    r.reviewsAndLawsuits = structuredClone(current.reviewsAndLawsuits);
    r.text.overview = REWRITTEN_OVERVIEW;
  });

  it('warns when every figure equals last year and the text differs', () => {
    const findings = findingsOf('C2', current, { previous: identical });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message.zh).toContain('三张统计表的每一个数字都与本机关2021年度报告完全相同');
  });

  it('is quiet when one figure differs, when the text is copied too (C1 says so), and for empty tables', async () => {
    const granted = current.applications.granted.naturalPerson ?? 0;
    const changed = withCell(current, 'applications.granted.naturalPerson', granted + 1);
    expect(findingsOf('C2', changed, { previous: identical })).toEqual([]);
    const copied = withText(identical, 'overview', current.text.overview);
    expect(findingsOf('C2', current, { previous: copied })).toEqual([]);
    const seed = modified(await seedOf(2023), (r) => {
      r.text.overview = REWRITTEN_OVERVIEW;
    });
    expect(findingsOf('C2', seed, { previous: await seedOf(2022) })).toEqual([]);
  });
});
