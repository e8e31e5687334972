/**
 * What describes the datasets: a Frictionless data package (a table schema per file), a DCAT catalog, the
 * sha256 checksums of the whole-year files and the licence. Written after each compaction.
 */
import {
  CHECKSUMS_URL,
  DATA_CATALOG_URL,
  DATA_PACKAGE_URL,
  datasetCsvUrl,
  datasetJsonUrl,
  datasetParquetUrl,
  datasetWideCsvUrl,
  LICENSE_URL,
  SCHEMA_URL,
} from '#shared/site/site-paths.ts';
import { siteWriter } from '#shared/site/site-writer.ts';
import type { ArchivePorts } from './archive-ports.ts';
import { LONG_CSV_HEADER, wideColumns } from './dataset-formats.ts';
import { partsPrefix } from './shard-parts.ts';

export interface FileDigest {
  readonly sha256: string;
  readonly bytes: number;
}

export interface YearFiles {
  readonly year: number;
  readonly reports: number;
  readonly csv: FileDigest;
  readonly wideCsv: FileDigest;
  readonly json: FileDigest;
  readonly parquet: FileDigest;
}

export const LICENSE = {
  name: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

const LICENSE_TEXT = `本站数据集汇编自各机关依《中华人民共和国政府信息公开条例》公开的政府信息公开工作年度报告。
报告内容为各机关已主动公开的政府信息；本站整理的数据集以知识共享署名 4.0 国际许可协议（CC BY 4.0）发布，使用时请注明来源。

The datasets compile the annual government-information-disclosure reports that agencies publish under the
Regulations on the Disclosure of Government Information. The compilation is published under the Creative Commons
Attribution 4.0 International licence (CC BY 4.0): https://creativecommons.org/licenses/by/4.0/
`;

const LONG_DESCRIPTIONS: Readonly<Record<(typeof LONG_CSV_HEADER)[number], string>> = {
  agencyId: '机关标识',
  year: '报告年度',
  path: '单元格路径（表.行.列）',
  table: '表格',
  row_label: '行标题',
  column_label: '列标题',
  value: '数值',
  note: '备注',
  explanation: '报送机关对该单元格警告的说明',
};

const longSchema = {
  fields: LONG_CSV_HEADER.map((name) => ({
    name,
    type: name === 'year' ? 'integer' : name === 'value' ? 'number' : 'string',
    description: LONG_DESCRIPTIONS[name],
  })),
  primaryKey: ['agencyId', 'year', 'path'],
};

/** Parquet (and Athena): the SQL-safe names, titled with the Chinese headers of the wide CSV. */
const wideSchema = () => ({ fields: wideColumns().map((c) => ({ name: c.name, type: c.type, title: c.label })) });
/** The wide CSV: the same columns in the same order, named by their Chinese headers, each with its SQL name. */
const wideCsvSchema = () => ({
  fields: wideColumns().map((c) => ({ name: c.label, type: c.type, 'x-column': c.name })),
  primaryKey: [wideColumns()[0]?.label, wideColumns()[2]?.label],
});

export async function writeCatalogFiles(
  ports: Pick<ArchivePorts, 'site' | 'siteUrl'>,
  years: readonly YearFiles[],
): Promise<void> {
  const out = siteWriter(ports.site);
  const base = ports.siteUrl;
  const resources = years.flatMap((y) => [
    {
      name: `reports-${y.year}-long-csv`,
      path: `${base}${datasetCsvUrl(y.year)}`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      bytes: y.csv.bytes,
      hash: `sha256:${y.csv.sha256}`,
      schema: longSchema,
    },
    {
      name: `reports-${y.year}-wide-csv`,
      title: `${y.year}年全部报告（一行一份报告，中文表头）`,
      path: `${base}${datasetWideCsvUrl(y.year)}`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      bytes: y.wideCsv.bytes,
      hash: `sha256:${y.wideCsv.sha256}`,
      schema: wideCsvSchema(),
    },
    {
      name: `reports-${y.year}-json`,
      path: `${base}${datasetJsonUrl(y.year)}`,
      format: 'json',
      mediatype: 'application/json',
      bytes: y.json.bytes,
      hash: `sha256:${y.json.sha256}`,
      schema: { $ref: `${base}${SCHEMA_URL}` },
    },
    {
      name: `reports-${y.year}-parquet`,
      path: `${base}${datasetParquetUrl(y.year)}`,
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      bytes: y.parquet.bytes,
      hash: `sha256:${y.parquet.sha256}`,
      schema: wideSchema(),
    },
  ]);
  const dataPackage = {
    name: 'gongkai-annual-reports',
    title: '政府信息公开工作年度报告数据集',
    licenses: [LICENSE],
    homepage: `${base}/`,
    resources,
    partitions: {
      description:
        'Per county-level region and year, Hive-style (year=/province=/county=); the wide CSV parts have the columns and Chinese headers of the yearly wide CSV.',
      csv: `${base}${partsPrefix('csv')}`,
      wideCsv: `${base}${partsPrefix('wide')}`,
      jsonLines: `${base}${partsPrefix('jsonl')}`,
      parquet: `${base}${partsPrefix('parquet')}`,
    },
  };
  const catalog = {
    '@context': 'https://www.w3.org/ns/dcat.jsonld',
    '@type': 'dcat:Catalog',
    'dct:title': '政府信息公开工作年度报告公开平台',
    'dct:license': LICENSE.path,
    'dcat:dataset': years.map((y) => ({
      '@type': 'dcat:Dataset',
      'dct:title': `${y.year}年度政府信息公开工作年度报告`,
      'dct:temporal': {
        '@type': 'dct:PeriodOfTime',
        'dcat:startDate': `${y.year}-01-01`,
        'dcat:endDate': `${y.year}-12-31`,
      },
      'dct:license': LICENSE.path,
      'dcat:distribution': [
        ['text/csv', datasetCsvUrl(y.year), y.csv],
        ['text/csv', datasetWideCsvUrl(y.year), y.wideCsv],
        ['application/json', datasetJsonUrl(y.year), y.json],
        ['application/vnd.apache.parquet', datasetParquetUrl(y.year), y.parquet],
      ].map(([type, url, digest]) => ({
        '@type': 'dcat:Distribution',
        'dcat:mediaType': type,
        'dcat:downloadURL': `${base}${url as string}`,
        'dcat:byteSize': (digest as FileDigest).bytes,
        'spdx:checksum': { 'spdx:algorithm': 'sha256', 'spdx:checksumValue': (digest as FileDigest).sha256 },
      })),
    })),
  };
  const sums = years.flatMap((y) => [
    `${y.csv.sha256}  ${y.year}.csv`,
    `${y.wideCsv.sha256}  ${y.year}-wide.csv`,
    `${y.json.sha256}  ${y.year}.json`,
    `${y.parquet.sha256}  ${y.year}.parquet`,
  ]);
  await out.text(DATA_PACKAGE_URL, `${JSON.stringify(dataPackage, null, 2)}\n`);
  await out.text(DATA_CATALOG_URL, `${JSON.stringify(catalog, null, 2)}\n`);
  await out.text(CHECKSUMS_URL, `${sums.join('\n')}\n`);
  await out.text(LICENSE_URL, LICENSE_TEXT);
}
