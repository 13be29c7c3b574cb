import { readdir, readFile } from 'node:fs/promises';

/** The pid of the Chromium browser process that owns this profile (found by its --user-data-dir). */
export async function browserPid(profileDir: string): Promise<number> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const args = cmd.split('\0');
    // The browser process has the profile dir and no --type= (renderers, GPU, utility have one).
    if (args.some((a) => a === `--user-data-dir=${profileDir}`) && !args.some((a) => a.startsWith('--type='))) pids.push(Number(entry));
  }
  if (pids.length !== 1) throw new Error(`expected one browser process, found ${pids.length}`);
  return pids[0] as number;
}

/** True once the process is gone or a zombie (killed, not yet reaped). */
export async function processGone(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat === null || / Z /.test(stat);
}
