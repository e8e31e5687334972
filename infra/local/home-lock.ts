/**
 * One running system per home: dynalite's LevelDB allows a single process, and a second one would
 * otherwise die deep inside dynalite with "Database is closed". A lock file names the owner's pid; a
 * lock left by a process that no longer runs is taken over — also when, after a kill -9, the pid has
 * been given to a process that is not Node (where /proc says so), so a crash never blocks the next start.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = 'running.pid';

export class HomeInUseError extends Error {}

export async function lockHome(home: string): Promise<() => Promise<void>> {
  await mkdir(home, { recursive: true });
  const file = join(home, LOCK_FILE);
  try {
    await writeFile(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number((await readFile(file, 'utf8')).trim());
    if (owner !== process.pid && isRunning(owner) && mayBeNode(owner)) {
      throw new HomeInUseError(`${home} is in use by another local system (pid ${owner}); stop it or set GONGKAI_HOME`);
    }
    await writeFile(file, String(process.pid));
  }
  return () => rm(file, { force: true });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** False only when /proc shows the process runs another program; true where it cannot tell. */
function mayBeNode(pid: number): boolean {
  let commandLine: string;
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return true;
  }
  const program = commandLine.split('\0')[0] ?? '';
  return program === '' || /node|tsx/i.test(program) || program === process.execPath;
}
