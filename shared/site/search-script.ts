/**
 * The progressive-enhancement search script (`/assets/search.js`): without it the form does nothing and the
 * home page's agency list remains. Results are built with textContent only, never HTML from the index.
 */
export const SEARCH_SCRIPT = `(() => {
  'use strict';
  const form = document.querySelector('form[data-search]');
  const out = document.getElementById('search-results');
  if (!form || !out) return;
  const input = form.querySelector('input[name="q"]');
  let shards = null;
  const norm = (s) => s.toLowerCase().replace(/[\\s\\p{P}\\p{S}]+/gu, '');
  const grams = (s) => {
    const c = Array.from(norm(s));
    if (c.length === 1) return c;
    const g = [];
    for (let i = 1; i < c.length; i += 1) g.push(c[i - 1] + c[i]);
    return Array.from(new Set(g));
  };
  const load = async () => {
    if (shards) return shards;
    const list = await (await fetch('/search/index.json')).json();
    shards = await Promise.all(list.shards.map(async (u) => (await fetch(u)).json()));
    return shards;
  };
  const find = (all, q) => {
    const g = grams(q);
    if (g.length === 0) return [];
    const hits = [];
    for (const shard of all) {
      const sets = g.map((x) => new Set(shard.bigrams[x] || []));
      for (const i of sets[0]) if (sets.every((s) => s.has(i))) hits.push(shard.docs[i]);
    }
    return hits;
  };
  const show = (q, hits) => {
    out.textContent = '';
    const p = document.createElement('p');
    p.textContent = hits.length === 0 ? '没有找到与“' + q + '”相关的报告。' : '找到' + hits.length + '份报告：';
    out.appendChild(p);
    if (hits.length === 0) return;
    const ul = document.createElement('ul');
    for (const d of hits) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = d.u;
      a.textContent = d.n + ' ' + d.y + '年：' + d.t;
      li.appendChild(a);
      ul.appendChild(li);
    }
    out.appendChild(ul);
  };
  const run = async (q) => {
    if (!q.trim()) { out.textContent = ''; return; }
    try { show(q, find(await load(), q)); } catch { out.textContent = '搜索暂不可用，请使用下方的机关列表。'; }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); run(input.value); });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; run(initial); }
})();
`;
