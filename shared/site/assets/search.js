(() => {
  'use strict';
  const form = document.querySelector('form[data-search]');
  const out = document.getElementById('search-results');
  if (!form || !out) return;
  const input = form.querySelector('input[name="q"]');
  const SHOWN = 50;
  const norm = (s) => s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  const SHORT = [["人民代表大会常务委员会","人大常委会"],["人民代表大会","人大"],["人民政府","政府"],["中国共产党","中共"],["发展和改革","发改"],["人力资源和社会保障","人社"],["住房和城乡建设","住建"],["市场监督管理","市场监管"],["卫生健康","卫健"],["文化广电旅游","文广旅"],["文化和旅游","文旅"],["教育和体育","教体"],["交通运输","交通"],["应急管理","应急"]];
  const shorten = (s) => SHORT.reduce((out, f) => out.split(f[0]).join(f[1]), s);
  const keys = (s) => {
    const c = Array.from(shorten(norm(s)));
    if (c.length === 1) return c;
    const g = [];
    for (let i = 1; i < c.length; i += 1) g.push(c[i - 1] + c[i]);
    return Array.from(new Set(g));
  };
  const bucket = (k, n) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < k.length; i += 1) { h ^= k.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h % n;
  };
  const json = async (u) => { const r = await fetch(u); return r.ok ? r.json() : null; };
  let manifest = null;
  const find = async (q) => {
    manifest = manifest || (await json('/search/index.json'));
    const ks = keys(q);
    if (!manifest || ks.length === 0) return [];
    const files = new Map();
    for (const k of ks) { const b = bucket(k, manifest.buckets); if (!files.has(b)) files.set(b, json('/search/keys/' + b + '.json')); }
    const lists = [];
    for (const k of ks) { const f = await files.get(bucket(k, manifest.buckets)); lists.push(new Set((f && f[k]) || [])); }
    const ids = [...lists[0]].filter((i) => lists.every((s) => s.has(i)));
    const docs = new Map();
    for (const i of ids.slice(0, SHOWN)) { const n = Math.floor(i / manifest.docsPerFile); if (!docs.has(n)) docs.set(n, json('/search/docs/' + n + '.json')); }
    const hits = [];
    for (const i of ids.slice(0, SHOWN)) { const f = await docs.get(Math.floor(i / manifest.docsPerFile)); const d = f && f[i % manifest.docsPerFile]; if (d) hits.push(d); }
    return { total: ids.length, hits };
  };
  const show = (q, found) => {
    out.textContent = '';
    const p = document.createElement('p');
    const total = found.total || 0;
    p.textContent = total === 0 ? '没有找到与“' + q + '”相关的报告。' : '找到' + total + '份报告' + (total > found.hits.length ? '，显示前' + found.hits.length + '份' : '') + '：';
    out.appendChild(p);
    if (total === 0) return;
    const ul = document.createElement('ul');
    for (const d of found.hits) {
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
    try { show(q, await find(q)); } catch { out.textContent = '搜索暂不可用，请使用下方的地区列表。'; }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); run(input.value); });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; run(initial); }
})();
