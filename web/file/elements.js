/**
 * Builds DOM nodes from plain values. Text only ever becomes a text node, so a report's text or an
 * agency's name can never turn into markup, whatever it contains.
 */

/**
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined>} [attributes] `false`/`undefined` leave an attribute out
 * @param {...(Node | string | number | null | undefined)} children
 * @returns {HTMLElement}
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'number' ? String(child) : child);
  }
  return node;
}

/** Replaces every child of `node`. */
export function fill(node, ...children) {
  node.replaceChildren(...children.filter((c) => c !== null && c !== undefined));
}

/** Shows or hides a section; hidden sections leave the accessibility tree too. */
export function show(node, visible) {
  node.hidden = !visible;
}

/** Chinese date and time in Beijing time, as the receipts speak of days in China. */
export function chinaTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return `${date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间）`;
}

/** The public page of an agency's report for a year (shared/site/site-paths.ts reportUrl). */
export function reportPageUrl(agencyId, year) {
  return `/reports/${encodeURIComponent(agencyId)}/${Number(year)}/`;
}
