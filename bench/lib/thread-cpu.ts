import fs from 'fs';

/**
 * CPU time (ms) the calling process's main thread has used, from Linux's
 * /proc/<pid>/task/<pid>/stat (user + system ticks of that thread alone, not the worker
 * threads'); undefined elsewhere. Unlike wall-clock rates it hardly moves when other processes
 * share the cores, so it compares two versions of the code on a busy machine.
 */
export const mainThreadCpuMs = (): number | undefined => {
  try {
    const stat = fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
};
