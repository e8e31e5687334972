/**
 * What on a web page is not the report: code, forms, hidden elements and the site's own chrome (menus,
 * breadcrumbs, share bars, footers). Chrome is only a candidate for removal: the article finder keeps any
 * chrome-looking element that holds the report (ASP.NET sites wrap whole pages in one `<form>`).
 */
import type { HtmlElement } from './dom.ts';

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

/** One pass over the attributes: Word styles nearly every span, and the walk asks this of every element. */
export function isHidden(el: HtmlElement): boolean {
  const { attrs } = el;
  // The parser keeps only the first of repeated attributes, so the first `style` is the only one.
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs[i] as (typeof attrs)[number];
    if (attr.name === 'hidden') return true;
    if (attr.name === 'style' && HIDDEN_STYLE.test(attr.value)) return true;
  }
  return false;
}

/** Never-content or hidden: dropped wherever it sits. */
export function isInvisible(el: HtmlElement): boolean {
  return isNeverContent(el) || isHidden(el);
}

/** No fragment holds a space, so the class and the id are tested apart, without joining them. */
function hasChromeName(el: HtmlElement): boolean {
  const { attrs } = el;
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs[i] as (typeof attrs)[number];
    if ((attr.name === 'class' || attr.name === 'id') && CHROME_NAME.test(attr.value)) return true;
  }
  return false;
}

export function looksLikeChrome(el: HtmlElement): boolean {
  return CHROME_TAGS.has(el.tagName) || hasChromeName(el);
}

/** Menus, breadcrumbs, sidebars and footers: where a title-like line is a link to another page. */
export function looksLikeNavigation(el: HtmlElement): boolean {
  return NAVIGATION_TAGS.has(el.tagName) || hasChromeName(el);
}
