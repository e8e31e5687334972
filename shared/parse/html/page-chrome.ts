/**
 * What on a web page is not the report: code, forms, hidden elements and the site's own chrome (menus,
 * breadcrumbs, share bars, footers). Chrome is only a candidate for removal: the article finder keeps any
 * chrome-looking element that holds the report (ASP.NET sites wrap whole pages in one `<form>`).
 */
import { attrOf, type HtmlElement } from './dom.ts';

/** Elements whose content is never document text. */
const NEVER_CONTENT = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'select',
  'textarea',
  'button',
  'svg',
  'math',
  'object',
  'embed',
  'audio',
  'video',
  'canvas',
]);

const NAVIGATION_TAGS = new Set(['nav', 'footer', 'aside', 'menu']);
/** Site headers and forms are chrome too, but an article's own `<header>` carries its title. */
const CHROME_TAGS = new Set([...NAVIGATION_TAGS, 'header', 'form']);

/**
 * Fragments of class/id names Chinese government CMSs use for chrome: 当前位置 bars are "location",
 * Baidu share bars "bdsharebuttonbox", 分享 bars "fenxiang".
 */
const CHROME_NAME = /nav|menu|breadcrumb|crumb|footer|share|fenxiang|sidebar|location/i;

/** Inline styles that hide an element; Word marks hidden text with mso-hide:all. */
const HIDDEN_STYLE = /display\s*:\s*none|mso-hide\s*:\s*all/i;

export function isNeverContent(el: HtmlElement): boolean {
  return NEVER_CONTENT.has(el.tagName);
}

export function isHidden(el: HtmlElement): boolean {
  if (attrOf(el, 'hidden') !== undefined) return true;
  const style = attrOf(el, 'style');
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** Never-content or hidden: dropped wherever it sits. */
export function isInvisible(el: HtmlElement): boolean {
  return isNeverContent(el) || isHidden(el);
}

function hasChromeName(el: HtmlElement): boolean {
  if (el.attrs.length === 0) return false;
  return CHROME_NAME.test(`${attrOf(el, 'class') ?? ''} ${attrOf(el, 'id') ?? ''}`);
}

export function looksLikeChrome(el: HtmlElement): boolean {
  return CHROME_TAGS.has(el.tagName) || hasChromeName(el);
}

/** Menus, breadcrumbs, sidebars and footers: where a title-like line is a link to another page. */
export function looksLikeNavigation(el: HtmlElement): boolean {
  return NAVIGATION_TAGS.has(el.tagName) || hasChromeName(el);
}
