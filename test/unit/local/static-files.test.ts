import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, findStaticFile, folderSource, indexPath } from '../../../infra/local/static-files.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-static-'));
  await mkdir(join(dir, 'file'));
  await writeFile(join(dir, 'file', 'index.html'), '<h1>上传年报</h1>');
  await writeFile(join(dir, 'file', 'upload.js'), 'export {}');
  await writeFile(join(dir, 'secret.txt'), 'outside the mount');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('static files', () => {
  it('serves index.html for folder paths', async () => {
    const mounts = [{ prefix: '/file/', source: folderSource(join(dir, 'file')) }];
    const page = await findStaticFile(mounts, '/file/');
    expect(page?.body.toString()).toBe('<h1>上传年报</h1>');
    expect(page?.contentType).toBe('text/html; charset=utf-8');
    expect((await findStaticFile(mounts, '/file/upload.js'))?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('finds nothing outside the mount, for unknown files, or under another prefix', async () => {
    const mounts = [{ prefix: '/file/', source: folderSource(join(dir, 'file')) }];
    expect(await findStaticFile(mounts, '/file/../secret.txt')).toBeUndefined();
    expect(await findStaticFile(mounts, '/file/missing.css')).toBeUndefined();
    expect(await findStaticFile(mounts, '/other/index.html')).toBeUndefined();
  });

  it('falls through to the next mount when the first lacks the file', async () => {
    const mounts = [
      { prefix: '/file/', source: folderSource(join(dir, 'file')) },
      { prefix: '/', source: folderSource(dir) },
    ];
    expect((await findStaticFile(mounts, '/secret.txt'))?.body.toString()).toBe('outside the mount');
  });

  it('maps index paths and content types', () => {
    expect(indexPath('')).toBe('index.html');
    expect(indexPath('agencies/')).toBe('agencies/index.html');
    expect(indexPath('a.csv')).toBe('a.csv');
    expect(contentTypeOf('reports/2022.csv')).toBe('text/csv; charset=utf-8');
    expect(contentTypeOf('blob')).toBe('application/octet-stream');
  });
});
