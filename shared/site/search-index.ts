/**
 * The static search's keys: agency names, titles and regions cut into character bigrams, since Chinese has no
 * spaces to split words on and bigrams are what a two-character query like 曲江 matches. The national index
 * (`shared/archive/search-build.ts`) and each shard's file (`build-shard.ts`) are built from them.
 */
import { reportUrl } from './site-paths.ts';

export interface SearchDocument {
  /** URL of the report. */
  readonly u: string;
  /** Agency name. */
  readonly n: string;
  /** Title. */
  readonly t: string;
  readonly y: number;
  /** Region name (county level), so 曲江 finds every agency of 曲江区. */
  readonly r?: string;
}

export interface SearchSource {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly title: string;
}

export interface SearchShard {
  readonly year: number;
  readonly docs: readonly SearchDocument[];
  /** Bigram → positions in `docs`. */
  readonly bigrams: Readonly<Record<string, readonly number[]>>;
}

/**
 * The short forms people type for the long official names (洪泽区政府 for 淮安市洪泽区人民政府), long first.
 * Names are indexed both as written and shortened, and a query is shortened before it is cut into keys, so
 * either form finds either; the search script carries the same table.
 */
export const SHORT_FORMS: readonly (readonly [long: string, short: string])[] = [
  ['人民代表大会常务委员会', '人大常委会'],
  ['人民代表大会', '人大'],
  ['人民政府', '政府'],
  ['中国共产党', '中共'],
  ['发展和改革', '发改'],
  ['人力资源和社会保障', '人社'],
  ['住房和城乡建设', '住建'],
  ['市场监督管理', '市场监管'],
  ['卫生健康', '卫健'],
  ['文化广电旅游', '文广旅'],
  ['文化和旅游', '文旅'],
  ['教育和体育', '教体'],
  ['交通运输', '交通'],
  ['应急管理', '应急'],
];

/** Lower-cased, without spaces or punctuation, as the script normalises queries. */
export function normaliseSearchText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The text with every long form replaced by its short form. */
export function shortenNames(text: string): string {
  return SHORT_FORMS.reduce((out, [long, short]) => out.split(long).join(short), text);
}

/** The keys a query looks up: its bigrams once shortened, or its one character. */
export function bigrams(text: string): string[] {
  const chars = [...shortenNames(normaliseSearchText(text))];
  if (chars.length === 1) return chars;
  return [...new Set(chars.slice(1).map((c, i) => `${chars[i]}${c}`))];
}

/** The keys a name is indexed under: bigrams as written and shortened, and single characters. */
export function searchKeys(text: string): string[] {
  const written = [...normaliseSearchText(text)];
  const grams = (chars: readonly string[]) => chars.slice(1).map((c, i) => `${chars[i]}${c}`);
  return [...new Set([...grams(written), ...grams([...shortenNames(written.join(''))]), ...written])];
}

export function buildSearchShard(year: number, entries: readonly SearchSource[], region?: string): SearchShard {
  const docs: SearchDocument[] = entries.map((e) => ({
    u: reportUrl(e.agencyId, year),
    n: e.agencyName,
    t: e.title,
    y: year,
    ...(region === undefined ? {} : { r: region }),
  }));
  const postings = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const gram of new Set([...searchKeys(doc.n), ...searchKeys(doc.t), ...searchKeys(doc.r ?? '')])) {
      const list = postings.get(gram);
      if (list === undefined) postings.set(gram, [i]);
      else list.push(i);
    }
  });
  const sorted = [...postings.keys()].sort();
  return { year, docs, bigrams: Object.fromEntries(sorted.map((g) => [g, postings.get(g) ?? []])) };
}

/** The same lookup the script runs: documents holding every key of the query. */
export function searchShard(shard: SearchShard, query: string): SearchDocument[] {
  const grams = bigrams(query);
  if (grams.length === 0) return [];
  const lists = grams.map((g) => new Set(shard.bigrams[g] ?? []));
  const [first, ...rest] = lists;
  return [...(first ?? [])].filter((i) => rest.every((l) => l.has(i))).flatMap((i) => shard.docs[i] ?? []);
}
