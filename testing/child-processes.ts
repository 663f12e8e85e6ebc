import fs from 'node:fs';

/**
 * The processes `pid` started whose command line contains `running` (npm start's app processes under its
 * supervisor, not the esbuild service tsx starts), from /proc; [] where there is none.
 */
export function childPids(pid: number, running: string): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' '))
      .filter(Boolean)
      .map(Number)
      .filter((child) => {
        try {
          return fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').includes(running);
        } catch {
          return false; // gone while being listed
        }
      });
  } catch {
    return [];
  }
}
