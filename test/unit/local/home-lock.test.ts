import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HomeInUseError, LOCK_FILE, lockHome } from '../../../infra/local/home-lock.ts';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'gongkai-lock-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

describe('lockHome', () => {
  it('records this process and removes the lock on release', async () => {
    const release = await lockHome(home);
    expect(await readFile(join(home, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    await release();
    await expect(readFile(join(home, LOCK_FILE), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('refuses a home that a running process holds', async () => {
    await writeFile(join(home, LOCK_FILE), String(process.ppid));
    await expect(lockHome(home)).rejects.toThrow(HomeInUseError);
  });

  it('takes over a lock whose pid now belongs to a program that is not Node', async () => {
    const other = spawn('sleep', ['5'], { stdio: 'ignore' });
    await once(other, 'spawn');
    try {
      await writeFile(join(home, LOCK_FILE), String(other.pid));
      await lockHome(home);
      expect(await readFile(join(home, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    await writeFile(join(home, LOCK_FILE), '2147483646');
    await lockHome(home);
    expect(await readFile(join(home, LOCK_FILE), 'utf8')).toBe(String(process.pid));
  });
});
