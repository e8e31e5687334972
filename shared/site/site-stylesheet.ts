/**
 * The one stylesheet of the public site (`/assets/site.css`), shared with the upload page. Colours keep
 * at least 4.5:1 contrast on their backgrounds (WCAG 2.1 AA); status is always also said in words.
 */
export const SITE_CSS = `:root{--ink:#1b1b1b;--muted:#4a4a4a;--paper:#fff;--line:#8a8a8a;--link:#0b4f9c;--accent:#8b1a1a;--ok-bg:#e3f1e5;--ok:#14532d;--warn-bg:#fdf3d7;--warn:#6b4400;--err-bg:#fbe4e4;--err:#8b1111;--bar:#0b4f9c}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;color:var(--ink);background:var(--paper);font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;line-height:1.7}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #c75a00;outline-offset:2px}
.skip-link{position:absolute;left:-9999px;top:0;background:var(--ink);color:#fff;padding:.5rem 1rem;z-index:10}
.skip-link:focus{left:1rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.site-header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem 2rem;padding:.75rem 1rem;border-bottom:4px solid var(--accent)}
.site-name{margin:0;font-weight:700;font-size:1.1rem}
.site-name a{color:var(--accent);text-decoration:none}
.site-header ul,.breadcrumbs ol,.inline-list{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.breadcrumbs{padding:.5rem 1rem;font-size:.9rem}
.breadcrumbs li+li::before{content:"›";margin-right:.5rem;color:var(--muted)}
main{max-width:72rem;margin:0 auto;padding:1rem}
main:focus{outline:none}
h1{font-size:1.6rem;line-height:1.3;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;border-left:4px solid var(--accent);padding-left:.5rem}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.5rem 1.5rem;margin:0 0 1rem}
.facts dt{color:var(--muted);font-size:.9rem}
.facts dd{margin:0}
.notice,.status{padding:.5rem .75rem;border-left:4px solid var(--line);background:#f3f3f3}
.status--ok{background:var(--ok-bg);border-color:var(--ok);color:var(--ok)}
.status--warning{background:var(--warn-bg);border-color:var(--warn);color:var(--warn)}
.status--error{background:var(--err-bg);border-color:var(--err);color:var(--err)}
.table-scroll,.table-box{overflow-x:auto}
.table-box{margin:1rem 0}
.table-box>table{margin:0}
.table-box:focus-visible{outline:3px solid #c75a00;outline-offset:2px}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
caption{text-align:left;font-weight:700;font-size:1.05rem;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.3rem .5rem;vertical-align:top}
th{background:#f0f0f0;font-weight:600;text-align:left}
td.cell{text-align:right;font-variant-numeric:tabular-nums;min-width:3.5rem}
.cell--missing{color:var(--muted)}
.cell--warning{background:var(--warn-bg);outline:2px solid var(--warn);outline-offset:-2px}
.cell--error{background:var(--err-bg);outline:2px solid var(--err);outline-offset:-2px}
.cell-note{display:block;font-size:.8rem;color:var(--muted)}
.table-findings{margin:.25rem 0 1.5rem;padding-left:1.5rem}
.finding--error .finding__severity{color:var(--err);font-weight:700}
.finding--warning .finding__severity{color:var(--warn);font-weight:700}
.finding__code{font-family:monospace}
.finding__grade{font-size:.85rem;color:var(--muted)}
.finding__explanation{margin:.25rem 0 .5rem;padding:.25rem .5rem;border-left:3px solid var(--link);background:#f4f7fb}
.cell-explained{display:block;font-size:.8rem}
.badge{display:inline-block;padding:0 .4rem;border:1px solid currentColor;border-radius:3px;font-size:.85rem;white-space:nowrap}
.badge--onTime{color:var(--ok);background:var(--ok-bg)}
.badge--late{color:var(--warn);background:var(--warn-bg)}
.badge--missing{color:var(--err);background:var(--err-bg)}
.badge--due{color:var(--muted)}
.bar-chart{max-width:40rem;display:block;margin:1rem 0;font-size:14px}
.bar-chart .bar{fill:var(--bar)}
.bar-chart text{fill:var(--ink)}
.versions>li{margin-bottom:1rem}
.changes del{color:var(--err)}
.changes ins{color:var(--ok);text-decoration:none;font-weight:700}
.agency-list{columns:16rem;padding-left:1.25rem}
.search form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.search input{font:inherit;padding:.35rem .5rem;border:1px solid var(--muted);min-width:16rem}
.search button{font:inherit;padding:.35rem 1rem;border:1px solid var(--link);background:var(--link);color:#fff;cursor:pointer}
.site-footer{border-top:1px solid var(--line);padding:1rem;color:var(--muted);font-size:.9rem;text-align:center}
@media (max-width:40rem){h1{font-size:1.3rem}main{padding:.75rem}table{font-size:.8rem}
.table-box--wide caption::after{content:"表格较宽，左右滑动可查看其余各列 →";display:block;font-weight:400;font-size:.85rem;color:var(--muted)}
.table-box{background:linear-gradient(to left,var(--paper) 40%,rgba(255,255,255,0)) right/2.5rem 100% no-repeat local,radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.3),rgba(0,0,0,0)) right/1rem 100% no-repeat scroll}
.report-table{border-collapse:separate;border-spacing:0;border-top:1px solid var(--line);border-left:1px solid var(--line)}
.report-table th,.report-table td{border-width:0 1px 1px 0}
.table-box--wide caption{position:sticky;left:0;width:calc(100vw - 1.5rem);max-width:calc(100vw - 1.5rem)}
.table-box--applications{scroll-padding-left:11rem}
.report-table--applications .label,.report-table--applications .report-table__note{position:sticky;left:0;z-index:1;background:#f0f0f0}
.report-table--applications .label--d1{left:2.2em}
.report-table--applications .label--d2{left:4.4em}
.report-table--applications .label--group{writing-mode:vertical-rl;width:2.2em;min-width:2.2em;max-width:2.2em;padding:.4em .3em;letter-spacing:.1em}
.report-table--applications th.label--d2:not(.label--group){width:8.5em;min-width:8.5em}
.report-table--applications td.cell{min-width:4.2em}
.list-table--cards,.list-table--cards caption,.list-table--cards tbody,.list-table--cards tr,.list-table--cards th,.list-table--cards td{display:block;border:0;padding:0;background:none}
.list-table--cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.list-table--cards tr{padding:.5rem 0;border-bottom:1px solid var(--line)}
.list-table--cards th[scope=row]{font-size:1rem}
.list-table--cards td{position:relative;padding-left:5.5em}
.list-table--cards td::before{content:attr(data-label);position:absolute;left:0;color:var(--muted)}}
@media print{.site-header nav,.breadcrumbs,.skip-link,.search,.downloads,.site-footer{display:none}body{font-size:11pt;color:#000}a{color:#000;text-decoration:none}.table-scroll,.table-box{overflow:visible}table{page-break-inside:auto}tr{page-break-inside:avoid}h2{page-break-after:avoid}.cell--error,.cell--warning{outline:1px solid #000}}
`;
