/**
 * The official tables arrive as HTML rendered (and escaped) by the API's dry run. They are still parsed
 * inertly and rebuilt from an allow-list of table elements and attributes, so even a rendering bug could
 * not smuggle a script or an event handler into the page.
 */

const ELEMENTS = new Set([
  'TABLE',
  'CAPTION',
  'COLGROUP',
  'COL',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'TH',
  'TD',
  'SPAN',
  'OL',
  'UL',
  'LI',
  'P',
  'ABBR',
  'STRONG',
  'EM',
  'BR',
  'SECTION',
  'DIV',
  'H3',
  'H4',
]);
const ATTRIBUTES = new Set([
  'id',
  'class',
  'colspan',
  'rowspan',
  'scope',
  'headers',
  'title',
  'data-path',
  'aria-describedby',
  'aria-label',
  'role',
  // The tables' scrolling boxes are focusable regions, so keyboard users can scroll them.
  'tabindex',
]);

function copyAllowed(source) {
  if (source.nodeType === Node.TEXT_NODE) return document.createTextNode(source.textContent ?? '');
  if (source.nodeType !== Node.ELEMENT_NODE || !ELEMENTS.has(source.tagName)) return null;
  const copy = document.createElement(source.tagName.toLowerCase());
  for (const attribute of source.attributes) {
    if (ATTRIBUTES.has(attribute.name)) copy.setAttribute(attribute.name, attribute.value);
  }
  for (const child of source.childNodes) {
    const kept = copyAllowed(child);
    if (kept) copy.append(kept);
  }
  return copy;
}

/** @param {string} html @returns {DocumentFragment} */
export function tablesFragment(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const fragment = document.createDocumentFragment();
  for (const child of parsed.body.childNodes) {
    const kept = copyAllowed(child);
    if (kept) fragment.append(kept);
  }
  for (const cell of fragment.querySelectorAll('.cell--error, .cell--warning')) cell.setAttribute('tabindex', '-1');
  return fragment;
}
