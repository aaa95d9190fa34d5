import fs from 'node:fs';
import { cpuMs, rssMb } from './processes';

/** The process and its children (the gateway's cluster workers), from /proc. */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (ppid === pid) tree.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return tree;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const safe = (read: (pid: number) => number) => (pid: number) => {
  try {
    return read(pid);
  } catch {
    return 0;
  }
};

/** CPU ms and RSS MB of a process with its children, summed. */
export const treeCpuMs = (pid: number): number => sum(processTree(pid).map(safe(cpuMs)));
export const treeRssMb = (pid: number): number => sum(processTree(pid).map(safe(rssMb)));

/** RSS MB of the largest process of the tree (one cluster worker). */
export const largestRssMb = (pid: number): number => Math.max(...processTree(pid).map(safe(rssMb)));
