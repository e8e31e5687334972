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
