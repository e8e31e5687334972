import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../../web/file');
const files = readdirSync(DIR);
const scripts = files.filter((f) => f.endsWith('.js'));
const html = readFileSync(join(DIR, 'index.html'), 'utf8');

describe('the upload page files', () => {
  it('insert nothing into the page as markup: no innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    for (const script of scripts) {
      const source = readFileSync(join(DIR, script), 'utf8');
      expect(source, script).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|eval\(/);
    }
  });

  it('keep the token out of localStorage and cookies', () => {
    for (const script of scripts) {
      const source = readFileSync(join(DIR, script), 'utf8');
      expect(source, script).not.toMatch(/localStorage|document\.cookie/);
    }
  });

  it('import only modules that exist beside them', () => {
    for (const script of scripts) {
      const imports = [...readFileSync(join(DIR, script), 'utf8').matchAll(/from '\.\/([\w-]+\.js)'/g)];
      for (const [, name] of imports) expect(files, `${script} imports ${name}`).toContain(name);
    }
    expect(html).toContain('<script type="module" src="upload.js"></script>');
  });

  it('label every field and announce results politely', () => {
    // Hidden inputs carry a value along, are never shown and need no label.
    const fields = /<(?:input(?![^>]*type="hidden")|textarea|progress)[^>]*\bid="([\w-]+)"/g;
    const ids = [...html.matchAll(fields)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) {
      const labelled = html.includes(`for="${id}"`) || new RegExp(`<label[^>]*>[^<]*<input[^>]*id="${id}"`).test(html);
      expect(labelled, `#${id} has a label`).toBe(true);
    }
    expect(html).toMatch(/aria-live="polite"/);
    expect(html).toMatch(/<html lang="zh-CN">/);
  });
});
