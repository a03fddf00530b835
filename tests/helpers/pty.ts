// A real pair of linked serial devices: socat joins two pseudo-terminals, which
// serialport opens like USB serial ports. Killing socat is a pulled cable.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { until } from './tmp.ts';

export interface PtyPair {
  a: string;
  b: string;
  /** Pulls the cable: both ends vanish. */
  unplug(): Promise<void>;
}

export async function ptyPair(a: string, b: string): Promise<PtyPair> {
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  let exited = false;
  socat.on('exit', () => {
    exited = true;
  });
  await until(() => (existsSync(a) && existsSync(b)) || exited, `socat to link ${a} and ${b}`);
  if (exited) throw new Error('socat could not start (is it installed? apt-get install socat)');
  return {
    a,
    b,
    unplug: async () => {
      if (exited) return;
      // SIGTERM lets socat remove its links, as an unplugged USB device leaves /dev.
      socat.kill('SIGTERM');
      await until(() => exited, 'socat to end');
      for (const link of [a, b]) rmSync(link, { force: true });
    },
  };
}
