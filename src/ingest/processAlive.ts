import fs from 'node:fs';

/**
 * Whether a process of this host with that id is running (EPERM: running, as another user).
 * One that has exited but not yet been collected by its parent (a zombie, as a killed
 * worker's child is for a while in a container) is not.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (name) state …": the name may hold spaces and parentheses.
    return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
  } catch {
    // No /proc (not Linux), or it has just gone: the signal said it was there.
    return true;
  }
}
