/**
 * The site's static assets, kept as the files they are served as (`/assets/…`), not as strings in a bundle:
 * - `site.css`, the one stylesheet of the public site, shared with the upload page. Colours keep at least
 *   4.5:1 contrast on their backgrounds (WCAG 2.1 AA); status is always also said in words.
 * - `search.js`, the progressive-enhancement search: without it the form leads to the home page's region
 *   list instead. A query fetches the manifest, the one bucket file of each of its keys (bigrams of the query
 *   with long official names shortened as the index holds them — its `SHORT` list is `SHORT_FORMS` of
 *   `search-index.ts` — or the single character) and the document files of the first hits: a few small files
 *   whatever the archive's size. Results are built with textContent only, never HTML from the index.
 * - `feed.xsl`, named by `<?xml-stylesheet?>` in `/feed.xml`: a browser opening the feed shows it as a page
 *   of the site, while feed readers ignore the instruction and read plain Atom. Served from the site's own
 *   origin, as browsers require of a stylesheet and the content security policy allows. The feed itself goes
 *   out as `application/xml`: browsers show `application/atom+xml` as bare text and never apply a stylesheet.
 * They are read at the one build that publishes them (the home page's): the folder is at the same path
 * relative to this module in the sources and relative to a bundled handler, which ships it at `assets/`
 * beside itself (the function declares it in `files`).
 */
import { readFile } from 'node:fs/promises';
import { FEED_STYLESHEET_URL, SEARCH_SCRIPT_URL, STYLESHEET_URL } from './site-paths.ts';

/** Where the assets live, relative to this module and to a bundled handler alike; also their URL's folder. */
export const SITE_ASSETS_PATH = 'assets';

/** Each asset's site URL; the file is at the same path under the folder. */
export const SITE_ASSET_URLS: readonly string[] = [STYLESHEET_URL, SEARCH_SCRIPT_URL, FEED_STYLESHEET_URL];

export function readSiteAsset(url: string): Promise<string> {
  // Spelled out as `./…` beside the module (not built from the constant) so readers see where it is.
  return readFile(new URL(`.${url}`, import.meta.url), 'utf8');
}
