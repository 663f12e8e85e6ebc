import fs from 'node:fs';

// /proc/<pid>/stat counts in USER_HZ ticks, which Linux reports at 100 a second whatever the kernel's own tick.
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from /proc; null where there
 * is no /proc. On a busy machine wall-clock figures say as much about the neighbours as about the app;
 * CPU per acknowledgement says what the app itself spent.
 */
export function processCpuMs(pid: number): number | null {
  return statCpuMs(`/proc/${pid}/stat`);
}

/** The same for the process's main thread alone: the event loop that answers requests (not the render threads). */
export function mainThreadCpuMs(pid: number): number | null {
  return statCpuMs(`/proc/${pid}/task/${pid}/stat`);
}

/** The same summed over several processes (null if any cannot be read). */
export function processesCpuMs(pids: number[], of: (pid: number) => number | null = processCpuMs): number | null {
  let total = 0;
  for (const pid of pids) {
    const ms = of(pid);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

function statCpuMs(file: string): number | null {
  try {
    const stat = fs.readFileSync(file, 'utf8');
    // The command name (field 2) may contain spaces: count the fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
