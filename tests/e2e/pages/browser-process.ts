import { readdir, readFile } from 'node:fs/promises';

/** Every live process started with this profile (browser, zygotes, renderers, GPU, utility), by pid. */
async function profileProcesses(profileDir: string): Promise<{ pid: number; browser: boolean }[]> {
  const found: { pid: number; browser: boolean }[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const args = cmd.split('\0');
    if (!args.some((a) => a === `--user-data-dir=${profileDir}`)) continue;
    if (await processGone(Number(entry))) continue;
    // The browser process has no --type= (renderers, GPU, zygote and utility processes have one).
    found.push({ pid: Number(entry), browser: !args.some((a) => a.startsWith('--type=')) });
  }
  return found;
}

/** The pid of the Chromium browser process that owns this profile (found by its --user-data-dir). */
export async function browserPid(profileDir: string): Promise<number> {
  const pids = (await profileProcesses(profileDir)).filter((p) => p.browser).map((p) => p.pid);
  if (pids.length !== 1) throw new Error(`expected one browser process, found ${pids.length}`);
  return pids[0] as number;
}

/** True once the process is gone or a zombie (killed, not yet reaped). */
export async function processGone(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat === null || / Z /.test(stat);
}

/**
 * True once no process of this profile is alive any more. Killing the browser process is not
 * enough: its storage service (a utility process that holds the IndexedDB LevelDB lock and
 * writes its files) dies a moment later, longer on a busy machine. Scanning the profile, or
 * starting a new browser on it, must wait for that: a new browser that finds the lock still
 * held cannot open IndexedDB at all.
 */
export async function profileReleased(profileDir: string): Promise<boolean> {
  return (await profileProcesses(profileDir)).length === 0;
}
