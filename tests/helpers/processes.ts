// Every process a run started, found by the parent links in /proc: so that a bench or a test
// run that fails, or is interrupted, ends them all (a hub, socat, a browser) and leaves none.

import { readdirSync, readFileSync } from 'node:fs';

/** The ids of every process below `root` (children, their children, ...). */
function descendants(root = process.pid): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent id is the 2nd field after the command name (which may hold spaces, in parentheses).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // ended meanwhile
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Ends every process below this one (SIGKILL: they are left over, nothing of theirs is kept). */
export function endDescendants(): number[] {
  const ids = descendants();
  for (const id of ids) {
    try {
      process.kill(id, 'SIGKILL');
    } catch {
      // ended meanwhile
    }
  }
  return ids;
}
