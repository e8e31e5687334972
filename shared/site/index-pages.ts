/**
 * The two directories a reader can type or reach from every page's header: `/years/` (every year with its
 * national page) and `/agencies/` (the agency directory). A national directory cannot list every agency on one
 * page, so it lists the county-level regions by province and city, and each region's page lists its agencies.
 */
import { escapeHtml } from '#shared/render/escape-html.ts';
import { renderPage } from './page-shell.ts';
import { regionUrl, yearUrl } from './site-paths.ts';

export interface YearEntry {
  readonly year: number;
  readonly reports: number;
  readonly registered: number;
}

interface Named {
  readonly code: string;
  readonly name: string;
}

export interface DirectoryProvince extends Named {
  /** Sorted; each city with its county-level regions, sorted. */
  readonly cities: readonly (Named & { readonly counties: readonly Named[] })[];
}

const home = { label: '首页', url: '/' };

export function renderYearsIndexPage(years: readonly YearEntry[]): string {
  const rows = years.map(
    (y) =>
      `<tr><th scope="row"><a href="${yearUrl(y.year)}">${y.year}年</a></th><td>${y.reports}</td><td>${y.registered}</td></tr>`,
  );
  const table =
    years.length === 0
      ? '<p>尚无报告。</p>'
      : `<div class="table-scroll"><table class="list-table"><caption>各年度报告</caption><thead><tr><th scope="col">年度</th><th scope="col">已提交报告</th><th scope="col">登记机关</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  return renderPage({
    title: '年度',
    crumbs: [home, { label: '年度' }],
    body: `<h1>各年度政府信息公开工作年度报告</h1>${table}`,
  });
}

const link = (r: Named): string => `<a href="${escapeHtml(regionUrl(r.code))}">${escapeHtml(r.name)}</a>`;

export function renderAgencyDirectoryPage(provinces: readonly DirectoryProvince[]): string {
  const sections = provinces.map((p, i) => {
    const cities = p.cities.map(
      (c) =>
        `<h3>${link(c)}</h3><ul class="agency-list">${c.counties.map((county) => `<li>${link(county)}</li>`).join('')}</ul>`,
    );
    return `<section aria-labelledby="province-${i}"><h2 id="province-${i}">${link(p)}</h2>${cities.join('')}</section>`;
  });
  const body = [
    '<h1>机关名录</h1>',
    '<p>按地区查找机关：每个县级地区的页面列出该地区已提交报告的全部机关，每个机关的页面列出其历年报告。</p>',
    provinces.length === 0 ? '<p>尚无机关。</p>' : sections.join('\n'),
  ].join('\n');
  return renderPage({ title: '机关名录', crumbs: [home, { label: '机关名录' }], body });
}
