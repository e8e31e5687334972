/** The generated corpus (`test/fixtures/corpus/`): each file's form and the report its generator designed. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Report, ReportSchema } from '#shared/report/model.ts';

export const CORPUS_DIR = join(import.meta.dirname, '../fixtures/corpus');

export interface CorpusFile {
  readonly file: string;
  /** The designed report's name: the file name up to its first dot. */
  readonly source: string;
  /** How the document was made, e.g. "libreoffice.pdf", "chromium-copy.txt", "docx". */
  readonly form: string;
}

/** The forms every `template-*` source is converted to (test/fixtures/corpus/README.md). */
export const TEMPLATE_FORMS = [
  'chromium-copy.txt',
  'chromium-print-borderless.pdf',
  'chromium-print.pdf',
  'docx',
  'libreoffice-borderless.pdf',
  'libreoffice.docx',
  'libreoffice.html',
  'libreoffice.pdf',
  'libreoffice.txt',
  'word-copy.txt',
] as const;

/** Template sources that lack one of their forms: a generator run cut short, or a file lost. */
export function incompleteSources(files: readonly CorpusFile[]): string[] {
  const forms = new Map<string, Set<string>>();
  for (const { source, form } of files) {
    if (!source.startsWith('template-')) continue;
    forms.set(source, (forms.get(source) ?? new Set()).add(form));
  }
  return [...forms]
    .filter(([, have]) => TEMPLATE_FORMS.some((form) => !have.has(form)))
    .map(([source, have]) => `${source} (no ${TEMPLATE_FORMS.filter((f) => !have.has(f)).join(', ')})`);
}

export function corpusFiles(): CorpusFile[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => /\.(?:txt|pdf|html|docx)$/.test(f))
    .sort()
    .map((file) => {
      const [source = file, ...rest] = file.split('.');
      return { file, source, form: rest.join('.') };
    });
}

export function corpusBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CORPUS_DIR, file)));
}

export function corpusExpected(source: string): Report {
  return ReportSchema.parse(JSON.parse(readFileSync(join(CORPUS_DIR, `${source}.expected.json`), 'utf8')));
}
