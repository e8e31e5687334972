/**
 * What pdf.js is given in place of a browser's font loading. Told that fonts cannot be loaded (its
 * `disableFontFace`, the default under Node), pdf.js compiles every glyph a page shows into a path while
 * building the page's operator list, and copies each path across its worker boundary, to paint text as
 * shapes. The reader never paints: it reads a table page's operator list for its lines only, and compiling
 * the glyphs was a third of that cost. So pdf.js is told fonts can be loaded, and given a document whose
 * style sheet takes each font's `@font-face` rule and drops it; the font then counts as loaded and no
 * glyph is compiled. Should a rule still fail, pdf.js falls back to compiling the glyphs, as before.
 */

interface StyleSheet {
  readonly cssRules: readonly string[];
  insertRule(rule: string, index: number): number;
}

const sheet: StyleSheet = {
  cssRules: [],
  insertRule: (_rule, index) => index,
};

/**
 * The part of a DOM document pdf.js's font loader touches when the Font Loading API is absent (no
 * `fonts`), typed as the Document pdf.js's options ask for.
 */
export const FONTLESS_DOCUMENT = {
  createElement: () => ({ sheet, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
} as unknown as Document;

type Base64Options = { readonly alphabet?: 'base64' | 'base64url'; readonly omitPadding?: boolean };

/**
 * pdf.js writes a font's rule with `Uint8Array.prototype.toBase64`, which Node 20 lacks; without it every
 * rule fails and pdf.js compiles the glyphs after all.
 */
export function installToBase64(): void {
  if ('toBase64' in Uint8Array.prototype) return;
  Object.defineProperty(Uint8Array.prototype, 'toBase64', {
    configurable: true,
    writable: true,
    value(this: Uint8Array, options: Base64Options = {}): string {
      const bytes = Buffer.from(this.buffer, this.byteOffset, this.byteLength);
      const url = options.alphabet === 'base64url';
      const text = bytes.toString(url ? 'base64url' : 'base64');
      if (options.omitPadding) return text.replace(/=+$/, '');
      return url ? text.padEnd(Math.ceil(text.length / 4) * 4, '=') : text;
    },
  });
}
